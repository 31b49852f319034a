import { Reply } from '../../core/conversation/reply';
import { LocalMailbox, mailboxCursor, MailboxMessage } from './local-mailbox';

/** The local mailbox in memory, for fast tests. */
export function createInMemoryLocalMailbox(): LocalMailbox {
  const boxes = new Map<string, MailboxMessage[]>();
  return {
    async put(conversation, replies: readonly Reply[]) {
      const box = boxes.get(conversation) ?? [];
      for (const reply of replies) box.push({ cursor: mailboxCursor(box.length + 1), reply });
      boxes.set(conversation, box);
    },
    async latest(conversation) {
      return mailboxCursor(boxes.get(conversation)?.length ?? 0);
    },
    async after(conversation, cursor, limit) {
      return (boxes.get(conversation) ?? []).filter((m) => m.cursor > cursor).slice(0, limit);
    },
  };
}
