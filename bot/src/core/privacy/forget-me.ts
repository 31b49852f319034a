import { CoreDeps } from '../core-deps';
import { code, formatted, item, line } from '../conversation/formatted-text';
import { identityKey, InboundMessage } from '../conversation/inbound-message';
import { Reply } from '../conversation/reply';
import { forgetPerson, ForgetSummary } from './forget-person';

/** Typed instead of pressing the button: long enough that nobody types it by chance. */
export const FORGET_PHRASE = 'forget me for good';
export const FORGET_ACTIONS = { confirm: 'forget:me', keep: 'forget:keep' } as const;

/** What copies outside the table keep, and for how long (the stack's settings; README "Forgetting"). */
const COPIES = 'Copies outside the live data expire on their own: the table’s point-in-time recovery keeps 35 days, earlier versions of receipt images 30 days, and operators’ backups as long as their retention says.';

type ForgetStep = 'ask' | 'forget' | 'keep';

/** `forget me` asks; the button or the phrase does it. Read before any ledger is opened for the person. */
function stepOf(message: InboundMessage): ForgetStep | undefined {
  const { content } = message;
  if (content.kind === 'press') {
    return content.action === FORGET_ACTIONS.confirm ? 'forget' : content.action === FORGET_ACTIONS.keep ? 'keep' : undefined;
  }
  if (content.kind !== 'text' || content.overheard) return undefined;
  const words = content.text.trim().toLowerCase().replace(/^\//, '').replace(/\s+/g, ' ');
  if (words === FORGET_PHRASE) return 'forget';
  return words === 'forget me' ? 'ask' : undefined;
}

/**
 * "Forget me": the person's data everywhere, whichever conversation they ask from. Handled before
 * the message finds its ledger, so asking never opens one, and a second time finds nothing.
 */
export async function forgetMe(message: InboundMessage, deps: CoreDeps): Promise<Reply[] | undefined> {
  const step = stepOf(message);
  if (!step) return undefined;
  // In a group, the question and the answer are the person's own business.
  const audience = message.conversation.kind === 'group' ? { audience: 'sender' as const } : {};
  const pressed = message.content.kind === 'press' ? { replacesPressed: true } : {};
  switch (step) {
    case 'ask':
      return [{
        text: formatted(
          line('⚠️ ', { text: 'Forget me', style: 'bold' }, ' deletes your personal ledger (every expense, budget, setting and receipt photo) and takes your name off the group ledgers you are in: your entries there stay for the group’s totals, as "a former member". It cannot be undone.'),
          line('Press the button, or type ', code(FORGET_PHRASE), '.'),
        ),
        choices: [[{ label: '🗑 Forget me', action: FORGET_ACTIONS.confirm, style: 'danger' }, { label: 'Keep my data', action: FORGET_ACTIONS.keep }]],
        ...audience,
      }];
    case 'keep':
      return [{ text: formatted('👍 Nothing was deleted.'), ...audience, ...pressed }];
    case 'forget': {
      const summary = await forgetPerson(identityKey(message.sender), deps.personalData, deps.receipts?.images);
      return [{ text: summaryText(summary), ...audience, ...pressed }];
    }
  }
}

function summaryText(s: ForgetSummary) {
  if (s.personalLedgers === 0 && s.groupLedgers === 0) return formatted('I hold nothing about you: there was nothing to forget.');
  return formatted(
    line('🗑 Forgotten. Deleted:'),
    ...(s.personalLedgers > 0
      ? [item(`your personal ledger: ${s.expenses} ${s.expenses === 1 ? 'expense' : 'expenses'}, ${s.events} events`, s.receiptImages === 'deleted' ? ', its receipt photos' : '')]
      : []),
    ...(s.groupLedgers > 0 ? [item(`your name and link in ${s.groupLedgers} group ${s.groupLedgers === 1 ? 'ledger' : 'ledgers'} (your entries there now read "a former member")`)] : []),
    item(`${s.items} stored items in all`),
    line(COPIES),
  );
}
