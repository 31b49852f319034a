import { dateInZone } from '../calendar/local-date';
import { CommandResult, writeKey } from '../commands/command';
import { EditableField, withField } from '../commands/expense-fields';
import { CoreDeps } from '../core-deps';
import { formatted, line } from '../conversation/formatted-text';
import { textReply } from '../conversation/reply';
import { InboundFile } from '../conversation/inbound-message';
import { Turn } from '../conversation/turn';
import { parseExpenseText } from '../grammar/parse-expense-text';
import { checkBudgets, monthRange } from '../ledger/budget-alerts';
import { Expense } from '../ledger/expense';
import { DEFAULT_SETTINGS, LedgerSettings } from '../ledger/ledger-events';
import { writeLedger } from '../ledger/write-ledger';
import { actorName, expenseChoices, expenseSpans } from '../presentation/expense-text';
import { isUserError, userError } from '../user-error';
import { readReceipt, ReceiptReading } from './read-receipt';
import { CheckedImage, checkReceiptImage, MAX_RECEIPT_BYTES, MAX_UPLOAD_BYTES, receiptIdOf } from './receipt-image-check';
import { draftCategory, draftDescription, draftFormReply, draftReply } from './receipt-draft-reply';
import { ReceiptDraft } from './receipt-store.port';

const EXAMPLE = '23.50 lunch #food';
/** How long after a draft asked for its total a bare amount finishes it. */
const FINISH_WITHIN_MS = 60 * 60 * 1000;
type Receipts = NonNullable<CoreDeps['receipts']>;

async function settingsOf(turn: Turn, deps: CoreDeps): Promise<LedgerSettings> {
  return (await deps.writer.load(turn.ledger, {})).head.state.settings;
}

const today = (settings: LedgerSettings, deps: CoreDeps) => dateInZone(deps.clock.now(), settings.timeZone);

function receiptsOf(deps: CoreDeps): Receipts | undefined {
  return deps.receipts;
}

/**
 * A photo of a receipt: checked by its bytes, read, kept as a draft with its image, and shown to
 * confirm, correct or discard. What the person wrote with it wins over what was read. The same
 * photo again shows its draft, or says which expense it already is.
 */
export async function receiveReceipt(turn: Turn, files: readonly InboundFile[], caption: string | undefined, deps: CoreDeps): Promise<CommandResult> {
  const receipts = receiptsOf(deps);
  if (!receipts) return userError('receipts.off', 'I cannot read receipt photos here yet: type the expense instead.', EXAMPLE);
  const file = files.find((f) => f.mimeType.startsWith('image/') || f.mimeType === 'application/pdf') ?? files[0]!;
  // What the platform says of the size is enough to refuse a video before fetching it.
  const limit = receipts.prepare ? MAX_UPLOAD_BYTES : MAX_RECEIPT_BYTES;
  if (file.size > limit) {
    return userError('receipt.tooLarge', `That file is ${(file.size / 1024 / 1024).toFixed(1)} MB; I read photos up to ${limit / 1024 / 1024} MB. Send a smaller one, or type the amount.`, EXAMPLE);
  }
  const settings = await settingsOf(turn, deps);
  const platformFile = file.platformFileId;
  if (platformFile) {
    const claim = await receipts.drafts.claimFile(turn.ledger, platformFile, turn.message.idempotencyKey);
    if (claim.kind === 'claimed') {
      // One upload announced twice (or a delivery retried) is answered once; one that failed is read again.
      if (claim.sameDelivery && claim.receipt !== null) return [];
      if (claim.receipt === undefined) return [textReply('📷 I am still reading that receipt: its draft comes in a moment.')];
      const known = claim.receipt ? await knownReceipt(turn, claim.receipt, settings, deps) : undefined;
      if (known) return known;
    }
  }
  const read = async (): Promise<CommandResult> => {
    // Reading a photo costs a call to the reader: it counts as a write, before anything is fetched.
    await deps.admitWrite?.(settings.timeZone);
    await turn.message.sayNow?.([textReply('📷 Reading your receipt…')]);
    const original = await file.bytes();
    const checked = checkReceiptImage(receipts.prepare ? await receipts.prepare(original) : original);
    if (isUserError(checked)) return checked;
    // The receipt is known by the photo as sent, so the same photo twice is recognised however it was prepared.
    const image = { ...checked, id: receiptIdOf(original) };
    const result = (await knownReceipt(turn, image.id, settings, deps)) ?? (await readNew(turn, image, caption, settings, deps));
    // Only now is there a draft (or an expense) for another delivery of the file to show.
    if (platformFile) await receipts.drafts.fileRead(turn.ledger, platformFile, image.id);
    return result;
  };
  if (!platformFile) return read();
  try {
    const result = await read();
    if (isUserError(result)) await receipts.drafts.fileRead(turn.ledger, platformFile, null);
    return result;
  } catch (error) {
    // Sent again, it is read again (the reader may be back).
    await receipts.drafts.fileRead(turn.ledger, platformFile, null).catch(() => undefined);
    throw error;
  }
}

async function readNew(turn: Turn, image: CheckedImage & { id: string }, caption: string | undefined, settings: LedgerSettings, deps: CoreDeps): Promise<CommandResult> {
  const receipts = receiptsOf(deps)!;

  const scanned = await receipts.scanner.scan(image.bytes, image.mimeType);
  const ctx = { ledgerCurrency: settings.currency, today: today(settings, deps), dateOrder: settings.dateOrder, ...(settings.locale ? { locale: settings.locale } : {}) };
  const reading = readReceipt(scanned, ctx);
  const draft: ReceiptDraft = withCaption({
    receipt: image.id, member: turn.member, mimeType: image.mimeType, reading, createdAt: deps.clock.now().toISOString(),
  }, caption, { ...ctx, ledgerCurrency: reading.currency.code });
  await receipts.images.put(turn.ledger, image.id, { bytes: image.bytes, mimeType: image.mimeType });
  await receipts.drafts.save(turn.ledger, draft);
  return [draftReply(draft, ctx.today)];
}

/** A receipt seen before: the expense it already is, or its draft waiting; undefined when neither is left. */
async function knownReceipt(turn: Turn, receipt: string, settings: LedgerSettings, deps: CoreDeps): Promise<CommandResult | undefined> {
  const already = await deps.expenses.withReceipt(turn.ledger, receipt);
  if (already) return [{ text: formatted(line('🧾 This receipt is already recorded: ', ...expenseSpans(already))) }];
  const draft = await receiptsOf(deps)!.drafts.get(turn.ledger, receipt);
  return draft ? [draftReply(draft, today(settings, deps))] : undefined;
}

/** "12.50 lunch #food" with the photo: its amount, date, note and category win; words alone are the note. */
function withCaption(draft: ReceiptDraft, caption: string | undefined, ctx: Parameters<typeof parseExpenseText>[1]): ReceiptDraft {
  const text = caption?.trim();
  if (!text) return draft;
  const parsed = parseExpenseText(text, ctx);
  if (!isUserError(parsed)) {
    const reading: ReceiptReading = {
      ...draft.reading,
      total: { value: parsed.amount, sure: true, from: 'total' },
      currency: { code: parsed.amount.currency, fromReceipt: true },
      ...(parsed.date !== ctx.today ? { date: { value: parsed.date, sure: true } } : {}),
    };
    return { ...draft, reading, ...(parsed.description ? { note: parsed.description } : {}), ...(parsed.category ? { category: parsed.category } : {}) };
  }
  const tag = /(?:^|\s)#(\S+)/.exec(text)?.[1];
  const note = text.replace(/(?:^|\s)#\S+/g, ' ').replace(/\s+/g, ' ').trim();
  return { ...draft, ...(note ? { note } : {}), ...(tag ? { category: tag.toLowerCase() } : {}) };
}

/** Confirm, Edit or Discard on a draft; only the person who sent the photo may. */
export async function receiptAction(step: 'confirm' | 'edit' | 'discard', receipt: string, turn: Turn, deps: CoreDeps): Promise<CommandResult> {
  const receipts = receiptsOf(deps);
  if (!receipts) return userError('receipts.off', 'I cannot read receipt photos here yet.', EXAMPLE);
  const draft = await receipts.drafts.get(turn.ledger, receipt);
  if (!draft) {
    const recorded = await deps.expenses.withReceipt(turn.ledger, receipt);
    if (recorded) return [{ text: formatted(line('🧾 Already recorded: ', ...expenseSpans(recorded))) }];
    return userError('receipt.gone', 'That receipt is no longer waiting (discarded, or too old): send the photo again.', EXAMPLE);
  }
  if (draft.member !== turn.member) return { ...userError('receipt.notYours', 'Only the person who sent this receipt can confirm, edit or discard it.', EXAMPLE), audience: 'sender' };
  const settings = await settingsOf(turn, deps);
  if (step === 'edit') return [draftFormReply(draft, today(settings, deps))];
  if (step === 'discard') {
    await receipts.drafts.remove(turn.ledger, receipt);
    // A Confirm that won a race keeps its image.
    if (!(await deps.expenses.withReceipt(turn.ledger, receipt))) await receipts.images.remove(turn.ledger, receipt);
    return [{ text: formatted('🗑 Discarded the receipt. Nothing was recorded.') }];
  }
  if (!draft.reading.total) return userError('receipt.noTotal', 'This receipt has no total yet: type it, or use Edit.', '23.50');
  return recordDraft(draft, turn, deps);
}

async function recordDraft(draft: ReceiptDraft, turn: Turn, deps: CoreDeps): Promise<CommandResult> {
  const receipts = receiptsOf(deps)!;
  const result = await writeLedger(deps, {
    ...writeKey(turn),
    decide: async ({ head, now }) => {
      // Decided on what is stored now: a second Confirm (or a retry) finds the receipt recorded.
      const recorded = await deps.expenses.withReceipt(turn.ledger, draft.receipt);
      if (recorded) return { events: [], replies: [{ text: formatted(line('🧾 Already recorded: ', ...expenseSpans(recorded))) }] };
      const expense: Expense = {
        ref: head.state.nextRef,
        amount: draft.reading.total!.value,
        category: draftCategory(draft),
        description: draftDescription(draft),
        date: draft.reading.date?.value ?? dateInZone(now, head.state.settings.timeZone),
        recordedAt: now.toISOString(),
        recordedBy: turn.member,
        receipt: draft.receipt,
      };
      const budgets = await checkBudgets(head.state, (m) => deps.totals.totals(turn.ledger, monthRange(m).from, monthRange(m).to), { after: expense });
      return {
        events: [{ type: 'ExpenseRecorded', data: { expense, alerts: budgets.alerts } }],
        replies: [{ text: formatted(line('✅ Recorded ', ...expenseSpans(expense, actorName(turn))), ...budgets.lines), choices: expenseChoices(expense), replacesPressed: true }],
      };
    },
  });
  if (!isUserError(result)) {
    await receipts.images.keep(turn.ledger, draft.receipt);
    await receipts.drafts.remove(turn.ledger, draft.receipt);
  }
  return result;
}

const FORM_FIELDS = { amount: 'amount', date: 'date', note: 'note', category: 'category' } as const satisfies Record<string, EditableField>;

/** The Edit form submitted: every field checked, the draft updated and shown again (or its errors). */
export async function submitReceiptForm(receipt: string, values: Readonly<Record<string, string>>, turn: Turn, deps: CoreDeps): Promise<CommandResult> {
  const receipts = receiptsOf(deps);
  const draft = receipts ? await receipts.drafts.get(turn.ledger, receipt) : undefined;
  if (!receipts || !draft) return { ...userError('receipt.gone', 'That receipt is no longer waiting: send the photo again.', EXAMPLE), audience: 'sender' };
  if (draft.member !== turn.member) return { ...userError('receipt.notYours', 'Only the person who sent this receipt can change it.', EXAMPLE), audience: 'sender' };
  const settings = await settingsOf(turn, deps);
  const now = deps.clock.now();
  let edited: Expense = {
    ref: 0, amount: draft.reading.total?.value ?? { minor: 1, currency: draft.reading.currency.code }, category: draftCategory(draft),
    description: draftDescription(draft), date: draft.reading.date?.value ?? today(settings, deps), recordedAt: '', recordedBy: turn.member,
  };
  const errors: Partial<Record<keyof typeof FORM_FIELDS, string>> = {};
  for (const field of Object.keys(FORM_FIELDS) as (keyof typeof FORM_FIELDS)[]) {
    const value = values[field]?.trim();
    if (value === undefined || value === '') continue;
    const next = withField(edited, FORM_FIELDS[field], value, settings, now);
    if (isUserError(next)) errors[field] = next.message;
    else edited = next;
  }
  if (Object.keys(errors).length) return [draftFormReply(draft, today(settings, deps), errors)];
  const hasAmount = draft.reading.total !== undefined || Boolean(values.amount?.trim());
  const updated: ReceiptDraft = {
    ...draft,
    reading: {
      ...draft.reading,
      ...(hasAmount ? { total: { value: edited.amount, sure: true, from: draft.reading.total?.from ?? 'total' }, currency: { code: edited.amount.currency, fromReceipt: true } } : {}),
      date: { value: edited.date, sure: true },
    },
    note: edited.description,
    category: edited.category,
  };
  await receipts.drafts.save(turn.ledger, updated);
  return [draftReply(updated, today(settings, deps))];
}

/**
 * Whether the text is an amount and nothing else, read before any of the ledger is: "4.50 coffee",
 * the commonest add, names what was bought and costs no look for a waiting receipt.
 */
function loneAmount(text: string, turn: Turn, deps: CoreDeps): boolean {
  const { locale } = turn.message.hints;
  const parsed = parseExpenseText(text, { ledgerCurrency: DEFAULT_SETTINGS.currency, today: dateInZone(deps.clock.now(), 'UTC'), dateOrder: 'dmy', ...(locale ? { locale } : {}) });
  return !isUserError(parsed) && parsed.description === '' && !parsed.category;
}

/** A bare amount typed while a receipt of the person's waits for its total: the receipt is recorded with it. */
export async function finishReceiptWithAmount(text: string, turn: Turn, deps: CoreDeps): Promise<CommandResult | undefined> {
  const receipts = receiptsOf(deps);
  if (!receipts || !loneAmount(text, turn, deps)) return undefined;
  const draft = await receipts.drafts.waitingForAmount(turn.ledger, turn.member);
  // Only a draft just asked about: an old one must not swallow an everyday add.
  if (!draft || deps.clock.now().getTime() - Date.parse(draft.createdAt) > FINISH_WITHIN_MS) return undefined;
  const settings = await settingsOf(turn, deps);
  // The receipt's currency, unless the person names one; a date or words make it an ordinary add.
  const parsed = parseExpenseText(text, { ledgerCurrency: draft.reading.currency.code, today: today(settings, deps), dateOrder: settings.dateOrder, ...(settings.locale ? { locale: settings.locale } : {}) });
  if (isUserError(parsed) || parsed.description !== '' || parsed.category || parsed.date !== today(settings, deps) || text.trim().split(/\s+/).length > 2) return undefined;
  return recordDraft({
    ...draft,
    reading: { ...draft.reading, total: { value: parsed.amount, sure: true, from: 'total' }, currency: { code: parsed.amount.currency, fromReceipt: true } },
  }, turn, deps);
}
