import { CommandResult } from '../commands/command';
import { CoreDeps } from '../core-deps';
import { formatted } from '../conversation/formatted-text';
import { ReplyFile } from '../conversation/reply';
import { identityKey } from '../conversation/inbound-message';
import { Turn } from '../conversation/turn';
import { dateInZone, LocalDate } from '../calendar/local-date';
import { budgetLabel } from '../ledger/budget';
import { PendingLine } from '../expenses/pending-lines.port';
import { Expense, formatRef } from '../ledger/expense';
import { LedgerId, MemberId } from '../ledger/ledger-id';
import { LedgerState } from '../ledger/ledger-state';
import { toDecimalString } from '../money/money';
import { CSV_HEADER, expenseCsvRow } from '../reports/expenses-csv';
import { userError } from '../user-error';
import { zipArchive } from './zip-archive';

const README = [
  'Everything Spendwise holds about you, as of the date in this file’s name.',
  '',
  'personal/expenses.csv   every expense of your personal ledger (the columns of "export")',
  'personal/ledger.json    its settings, budgets and categories',
  'personal/receipts.json  the expenses recorded from a receipt photo, with the receipt’s id',
  'personal/pending-questions.json  lines I asked you about ("did you mean…?") in the last day, as I read them',
  'groups/<n>/my-expenses.csv  in each group ledger you are in: the expenses you recorded',
  'groups/<n>/group-totals.csv the group’s totals per currency and category (everyone’s, no names)',
  'groups/<n>/ledger.json      the group’s platform and chat, settings and budgets',
  'groups/<n>/my-pending-questions.json  your lines there I asked about in the last day',
  '',
  'Amounts are decimal strings in the currency’s own units (12.50 USD, 120000 VND).',
].join('\r\n');

/** Every expense of a ledger (or one member's), a page at a time: nothing more is held than the page being read. */
async function* expensesOf(deps: CoreDeps, ledger: LedgerId, only?: MemberId): AsyncGenerator<readonly Expense[]> {
  for await (const page of deps.expenses.pages(ledger)) yield only ? page.filter((e) => e.recordedBy === only) : page;
}

/** As CSV rows page by page, counting them on the way; each page is also handed to `alsoTo`. */
async function* csvOf(expenses: AsyncIterable<readonly Expense[]>, seen: { count: number }, alsoTo?: (page: readonly Expense[]) => Promise<void>): AsyncGenerator<string> {
  yield `${CSV_HEADER}\r\n`;
  for await (const page of expenses) {
    seen.count += page.length;
    await alsoTo?.(page);
    if (page.length > 0) yield page.map((e) => `${expenseCsvRow(e)}\r\n`).join('');
  }
}

/**
 * The expenses recorded from a receipt photo, as a JSON array gathered while the CSV is read (the
 * ledger is read once, however long) into a scratch file of the spool, then read back into the zip.
 */
async function receiptsGathered(deps: CoreDeps) {
  const scratch = await deps.spool.create('receipts.json', 'application/json');
  const encoder = new TextEncoder();
  let first = true;
  return {
    async add(page: readonly Expense[]): Promise<void> {
      const items = page.filter((e) => e.receipt).map((e) => JSON.stringify({
        reference: formatRef(e.ref), receipt: e.receipt, date: e.date, amount: toDecimalString(e.amount), currency: e.amount.currency, description: e.description,
      }, null, 2).replace(/\n/g, '\n  '));
      if (items.length === 0) return;
      await scratch.write(encoder.encode(`${first ? '' : ','}\n  ${items.join(',\n  ')}`));
      first = false;
    },
    /** The whole array, as JSON.stringify(…, null, 2) would write it; the scratch file is gone after. */
    async *json(): AsyncGenerator<string | Uint8Array> {
      const gathered = await scratch.finish();
      try {
        yield '[';
        yield* gathered.open();
        yield first ? ']' : '\n]';
      } finally {
        await gathered.release?.();
      }
    },
    /** After a failure: the scratch file goes (harmless once it has been read back). */
    discard: () => scratch.discard(),
  };
}

const ledgerData = (state: LedgerState) => ({
  settings: state.settings,
  budgets: Object.values(state.budgets).map((b) => ({ budget: budgetLabel(b.scope), monthly: toDecimalString(b.limit), currency: b.limit.currency })),
  categories: state.categories,
});
const json = (value: unknown) => [JSON.stringify(value, null, 2)];

/** The lines the person was asked about (kept a day, answered or not): their words as the bot read them. */
const pendingQuestions = (lines: readonly PendingLine[]) => json(lines.map((l) => ({
  asked: l.createdAt,
  readings: l.readings.map((r) => ({ date: r.date, amount: toDecimalString(r.amount), currency: r.amount.currency, description: r.description, ...(r.category ? { category: r.category } : {}) })),
})));

/**
 * `export all`: one zip of everything the person's ledgers hold about them. In a group, only what
 * they recorded, and the group's totals. Sent only in a private chat: it is nobody else's.
 */
export async function exportAll(turn: Turn, deps: CoreDeps): Promise<CommandResult> {
  if (turn.message.conversation.kind === 'group') {
    return { ...userError('export.allInGroup', 'Everything I hold about you goes only to a private chat: send "export all" to me there.', 'export all'), audience: 'sender' };
  }
  const places = await deps.personalData.locate(identityKey(turn.message.sender));
  const today = dateInZone(deps.clock.now(), 'UTC');
  const out = await deps.spool.create(`spendwise-everything-${today}.zip`, 'application/zip');
  const personal = { count: 0 };
  const inGroups = { count: 0 };
  let file: ReplyFile;
  try {
    const zip = zipArchive(out);
    await zip.entry('README.txt', [README]);
    for (const ledger of places.personalLedgers) {
      const { head } = await deps.writer.load(ledger, {});
      const receipts = await receiptsGathered(deps);
      try {
        await zip.entry('personal/expenses.csv', csvOf(expensesOf(deps, ledger), personal, (page) => receipts.add(page)));
        await zip.entry('personal/receipts.json', receipts.json());
      } finally {
        await receipts.discard();
      }
      await zip.entry('personal/ledger.json', json(ledgerData(head.state)));
      await zip.entry('personal/pending-questions.json', pendingQuestions(await deps.pendingLines.asked(ledger)));
    }
    for (const [i, group] of places.groups.entries()) {
      const { head } = await deps.writer.load(group.ledger, {});
      const dir = `groups/${i + 1}`;
      await zip.entry(`${dir}/my-expenses.csv`, csvOf(expensesOf(deps, group.ledger, group.member), inGroups));
      const totals = await deps.totals.totals(group.ledger, '0001-01-01' as LocalDate, '9999-12-31' as LocalDate);
      await zip.entry(`${dir}/group-totals.csv`, [
        'currency,category,amount,count\r\n',
        ...totals.map((t) => `${t.currency},${t.category},${toDecimalString({ minor: t.minor, currency: t.currency })},${t.count}\r\n`),
      ]);
      await zip.entry(`${dir}/ledger.json`, json({ platform: head.state.address?.platform, chat: head.state.address?.conversationId, ...ledgerData(head.state) }));
      await zip.entry(`${dir}/my-pending-questions.json`, pendingQuestions(await deps.pendingLines.asked(group.ledger, group.member)));
    }
    file = await zip.finish();
  } catch (error) {
    await out.discard();
    throw error;
  }
  const groups = places.groups.length;
  return [{
    text: formatted(`📦 Everything I hold about you: ${personal.count} expense${personal.count === 1 ? '' : 's'} in your ledger${groups > 0 ? `, and ${inGroups.count} you recorded in ${groups} group${groups === 1 ? '' : 's'}` : ''}.`),
    file,
  }];
}
