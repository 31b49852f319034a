import { Reply } from '../../core/conversation/reply';
import { cursorNow, LocalMailbox, MailboxMessage } from './local-mailbox';

/** The local mailbox in memory, for fast tests. */
export function createInMemoryLocalMailbox(now: () => Date): LocalMailbox {
  const boxes = new Map<string, MailboxMessage[]>();
  let sequence = 0;
  return {
    async put(conversation, replies: readonly Reply[]) {
      const box = boxes.get(conversation) ?? [];
      for (const reply of replies) box.push({ cursor: `${cursorNow(now())}_${String((sequence += 1)).padStart(9, '0')}`, reply });
      boxes.set(conversation, box);
    },
    async after(conversation, cursor, limit) {
      return (boxes.get(conversation) ?? []).filter((m) => m.cursor > cursor).slice(0, limit);
    },
  };
}
