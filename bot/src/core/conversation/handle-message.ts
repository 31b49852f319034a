import { forgetMe } from '../privacy/forget-me';
import { randomUUID } from 'node:crypto';
import { CommandResult } from '../commands/command';
import { CoreDeps } from '../core-deps';
import { resolveLedger } from '../directory/resolve-ledger';
import { ADD_EXAMPLE } from '../grammar/parse-expense-text';
import { OperationalError } from '../operational-error';
import { isUserError, userError, UserError } from '../user-error';
import { formatted, line } from './formatted-text';
import { handleAction } from './handle-action';
import { handleForm } from './handle-form';
import { InboundMessage } from './inbound-message';
import { Reply, textReply } from './reply';
import { routeOverheard, routeText } from './route-text';
import { receiveReceipt } from '../receipts/receipt-flow';
import { Turn } from './turn';
import { admissionOnce, WriteLimitReached } from '../limits/admit-write';
import { oversizedInput } from './input-size';
import { pausedNotice } from '../schedules/paused-notice';

/** What a person is told about an operational failure (see OperationalError), by its code. */
export const TRY_AGAIN: Readonly<Record<OperationalError['code'], string>> = {
  'storage.unavailable': '⏳ I could not reach my storage just now, so nothing was saved. Please try again in a moment.',
  'ledger.busy': '⏳ This ledger is busy with other changes right now, so nothing was saved. Please try again in a moment.',
  'service.busy': '⏳ I have a lot to do right now, so I did not take that in. Please send it again in a moment.',
  'receipts.unavailable': '📷 I could not read receipts just now, so nothing was saved. Send the photo again in a minute, or type the amount: 12.50 lunch',
};

/**
 * The one entry point for every channel: the directory resolves the ledger and the member, then
 * the message, press or submission is decided. It always answers: a mistake gets what was wrong and
 * an example, an outage or a busy ledger a "try again", a bug a reference to quote.
 */
export async function handleMessage(message: InboundMessage, deps: CoreDeps): Promise<Reply[]> {
  return (await handleMessageOutcome(message, deps)).replies;
}

/** The replies, and whether the message changed its ledger (a dashboard then needs refreshing). */
export interface MessageOutcome {
  readonly replies: Reply[];
  readonly changedLedger: boolean;
  /** The delivery was seen before: the replies are the ones given then, and nothing was written. */
  readonly redelivered: boolean;
}

export async function handleMessageOutcome(message: InboundMessage, deps: CoreDeps): Promise<MessageOutcome> {
  let changedLedger = false;
  let redelivered = false;
  const watching: CoreDeps = {
    ...deps,
    ...(deps.writeLimits ? { admitWrite: admissionOnce(message, deps.writeLimits, () => deps.clock.now()) } : {}),
    writer: {
      ...deps.writer,
      async load(ledger, options) {
        const loaded = await deps.writer.load(ledger, options);
        if (loaded.priorReplies) redelivered = true;
        return loaded;
      },
      async append(append) {
        const outcome = await deps.writer.append(append);
        if (outcome === 'written' && append.events.some((e) => e.type !== 'LedgerOpened' && e.type !== 'MemberJoined')) changedLedger = true;
        return outcome;
      },
    },
  };
  return { replies: await answer(message, watching), changedLedger, redelivered };
}

async function answer(message: InboundMessage, deps: CoreDeps): Promise<Reply[]> {
  const oversized = oversizedInput(message.content);
  // Overheard group talk is never answered, too big or not.
  if (oversized) return message.content.kind === 'text' && message.content.overheard ? [] : [errorReply(oversized)];
  try {
    const forgetting = await forgetMe(message, deps);
    if (forgetting) return forgetting;
    const turn = await resolveLedger(message, deps);
    const result = await route(turn, deps);
    const notice = turn.unreachable ? await pausedNotice(turn, deps) : [];
    return [...(isUserError(result) ? [errorReply(result)] : result), ...notice];
  } catch (error) {
    // Over a limit: nothing was written; the notice once, then silence until the window ends.
    if (error instanceof WriteLimitReached) return [...error.replies];
    if (error instanceof OperationalError) {
      deps.log.error({ err: error, code: error.code, platform: message.sender.platform }, 'message not handled');
      return [textReply(TRY_AGAIN[error.code])];
    }
    const ref = randomUUID().slice(0, 8);
    deps.log.error({ err: error, platform: message.sender.platform, errorRef: ref }, 'message failed');
    return [textReply(`Something went wrong on my side (ref ${ref}). Nothing was saved; please try again.`)];
  }
}

function route(turn: Turn, deps: CoreDeps): Promise<CommandResult> {
  const { content } = turn.message;
  switch (content.kind) {
    case 'press':
      return handleAction(content.action, turn, deps);
    case 'form':
      return handleForm(content.action, content.values, turn, deps);
    case 'files':
      // Where no receipt reader is set up, a caption is what the person meant ("12.50 lunch" under a photo).
      if (!deps.receipts && content.caption?.trim()) return routeText(content.caption, turn, deps);
      return receiveReceipt(turn, content.files, content.caption, deps);
    case 'text':
      return content.overheard ? routeOverheard(content.text, turn, deps) : routeText(content.text, turn, deps);
  }
}

export function errorReply(error: UserError): Reply {
  const text = formatted(`⚠️ ${error.message}`, line('For example: ', { text: error.example, style: 'code' }));
  return error.audience ? { text, audience: error.audience } : { text };
}
