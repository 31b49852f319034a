import { conversationKeyOf } from '../conversation/inbound-message';
import { code, formatted, item, line } from '../conversation/formatted-text';
import { Reply } from '../conversation/reply';
import { Turn } from '../conversation/turn';
import { CoreDeps } from '../core-deps';
import { writeLedger } from '../ledger/write-ledger';
import { isUserError } from '../user-error';
import { formatScheduleRef, Schedule } from './schedule';

const howToResume = (s: Schedule) =>
  s.task.kind === 'expense' ? `recurring resume ${formatScheduleRef(s.ref)}` : s.task.kind === 'digest' ? `digest ${s.recurrence.every === 'week' ? 'weekly' : 'monthly'}` : `remind daily ${s.at}`;

/**
 * The first message in a conversation the scheduler could not post to: says which schedules were
 * paused and how to resume them, once (the directory entry forgets it in the same write).
 */
export async function pausedNotice(turn: Turn, deps: CoreDeps): Promise<Reply[]> {
  const said = await writeLedger(deps, {
    ledger: turn.ledger,
    actor: turn.member,
    decide: async ({ head: { state } }) => {
      const paused = Object.values(state.schedules).filter((s) => s.paused === 'unreachable').sort((a, b) => a.ref - b.ref);
      const conversation = state.address ? conversationKeyOf(state.address) : undefined;
      if (!conversation) return { events: [], replies: [] };
      return {
        events: [{ type: 'ConversationReachChanged', data: { conversation, scope: state.scope, reachable: true } }],
        replies: paused.length === 0 ? [] : [{
          text: formatted(
            line('⏸️ I could not post to this conversation, so I paused what I do here by myself. To start again:'),
            ...paused.map((s) => item(code(howToResume(s)))),
          ),
        }],
      };
    },
  });
  return isUserError(said) ? [] : [...said];
}
