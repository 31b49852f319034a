import { PENDING_LINE_TTL_SECONDS, PendingLine, PendingLines } from '../../core/expenses/pending-lines.port';
import { firstOfMonth, lastOfMonth, LocalDate, YearMonth, yearMonthOf } from '../../core/calendar/local-date';
import { monthTotalsOf } from '../../core/reports/month-summaries';
import { Reply, storableReplies } from '../../core/conversation/reply';
import { DirectoryLookup, LedgerDirectory } from '../../core/directory/ledger-directory.port';
import { Category, descriptionKey } from '../../core/expenses/categories';
import { expenseTerms } from '../../core/expenses/search-terms';
import { Expense } from '../../core/ledger/expense';
import { LedgerEvent } from '../../core/ledger/ledger-events';
import { LedgerId, LedgerScope, MemberId } from '../../core/ledger/ledger-id';
import { EMPTY_LEDGER } from '../../core/ledger/ledger-state';
import { CategoryTotal, DayTotal, DescriptionTotal, ExpenseQueries, MonthTotal, LedgerHead, LedgerWriter, SpendingTotals } from '../../core/ports/ledger-store.port';
import { PersonalData } from '../../core/privacy/personal-data.port';
import { DueRun, DueSchedules } from '../../core/ports/due-schedules.port';
import { dueChanges } from '../../core/schedules/due-entries';
import { FILE_READING_LEASE_SECONDS, FileClaim, RECEIPT_DRAFT_TTL_SECONDS, ReceiptDraft, ReceiptDrafts } from '../../core/receipts/receipt-store.port';

interface StoredEvent {
  readonly version: number;
  readonly event: LedgerEvent;
  readonly actor: MemberId;
  readonly at: string;
}

interface LedgerRecord {
  head: LedgerHead;
  readonly events: StoredEvent[];
  readonly replies: Map<string, readonly Reply[]>;
  readonly expenses: Map<number, Expense>;
  /** Per day, currency and category: "date|currency|category". */
  readonly dayTotals: Map<string, { minor: number; count: number }>;
  readonly memory: Map<string, Category>;
  readonly names: Map<MemberId, string>;
}

export interface InMemoryStore {
  readonly writer: LedgerWriter;
  readonly expenses: ExpenseQueries;
  readonly totals: SpendingTotals;
  readonly directory: LedgerDirectory;
  readonly personalData: PersonalData;
  readonly due: DueSchedules;
  /** Every event of a ledger, in order, for tests that look at the log. */
  events(ledger: LedgerId): readonly StoredEvent[];
}

/**
 * The core's storage ports in memory, for fast tests of the core. The contract suite runs the same
 * cases against this and the DynamoDB adapter, so the two cannot disagree.
 */
export function createInMemoryStore(): InMemoryStore {
  const ledgers = new Map<LedgerId, LedgerRecord>();
  const conversations = new Map<string, { id: LedgerId; scope: LedgerScope; unreachable?: true }>();
  const memberships = new Map<string, { member: MemberId; name: string }>();
  const membershipKey = (identityKey: string, conversationKey: string) => `${identityKey}|${conversationKey}`;
  /** The due index: "ledger|schedule" → the entry, its dueAt moved on by a claim as in the table. */
  const dueEntries = new Map<string, DueRun>();
  /** Claims of each entry's occurrence so far, as the table's `claims` counts them. */
  const dueAttempts = new Map<string, number>();

  /** Moves the entry's instant if it still stands where it was seen (as the table's conditional update does); its key, or undefined. */
  const moveClaim = (run: DueRun, until: Date): string | undefined => {
    const key = `${run.ledger}|${run.schedule}`;
    const held = dueEntries.get(key);
    if (!held || held.dueAt !== run.dueAt || held.occurrence !== run.occurrence) return undefined;
    dueEntries.set(key, { ...held, dueAt: until.toISOString() });
    return key;
  };
  const record = (ledger: LedgerId): LedgerRecord | undefined => ledgers.get(ledger);
  const clone = <T>(value: T): T => structuredClone(value);

  const writer: LedgerWriter = {
    async load(ledger, options) {
      const r = record(ledger);
      const prior = options.idempotencyKey ? r?.replies.get(options.idempotencyKey) : undefined;
      const remembered = Object.fromEntries((options.descriptionKeys ?? []).flatMap((key) => {
        const category = r?.memory.get(key);
        return category ? [[key, category]] : [];
      }));
      return { head: clone(r?.head ?? { version: 0, state: EMPTY_LEDGER }), ...(prior ? { priorReplies: clone(prior) } : {}), remembered };
    },
    async priorReplies(ledger, key) {
      const prior = record(ledger)?.replies.get(key);
      return prior ? clone(prior) : undefined;
    },
    async append(a) {
      const existing = record(a.ledger);
      // Checked in the order the DynamoDB transaction reports them: the delivery, then the version.
      if (a.idempotencyKey && existing?.replies.has(a.idempotencyKey)) return 'duplicate';
      if ((existing?.head.version ?? 0) !== a.expectedVersion) return 'conflict';
      for (const event of a.events) {
        if (event.type === 'LedgerOpened' && conversations.has(event.data.conversation)) return 'conflict';
        const receipt = event.type === 'ExpenseRecorded' ? event.data.expense.receipt : undefined;
        if (receipt && [...(existing?.expenses.values() ?? [])].some((e) => e.receipt === receipt)) return 'conflict';
      }
      if (a.members?.some((m) => memberships.has(membershipKey(m.identityKey, m.conversationKey)))) return 'conflict';

      const r: LedgerRecord = existing ?? {
        head: { version: 0, state: EMPTY_LEDGER }, events: [], replies: new Map(), expenses: new Map(),
        dayTotals: new Map(), memory: new Map(), names: new Map(),
      };
      ledgers.set(a.ledger, r);
      a.events.forEach((event, i) => {
        r.events.push({ version: a.expectedVersion + i + 1, event: clone(event), actor: a.actor, at: a.at.toISOString() });
        project(r, event, (key, value, unreachable) => conversations.set(key, { id: a.ledger, scope: value, ...(unreachable ? { unreachable } : {}) }));
      });
      r.head = clone({ version: a.expectedVersion + a.events.length, state: a.state });
      for (const change of dueChanges(a.events, a.state)) {
        const key = `${a.ledger}|${change.schedule}`;
        dueAttempts.delete(key); // an entry written anew is a new occurrence (or none)
        if (change.kind === 'remove') dueEntries.delete(key);
        else dueEntries.set(key, { ledger: a.ledger, schedule: change.schedule, occurrence: change.occurrence, dueAt: change.dueAt });
      }
      if (a.idempotencyKey) r.replies.set(a.idempotencyKey, clone(storableReplies(a.replies)));
      for (const m of a.members ?? []) {
        memberships.set(membershipKey(m.identityKey, m.conversationKey), { member: m.member, name: m.displayName });
        ledgers.get(m.ledger)?.names.set(m.member, m.displayName);
      }
      return 'written';
    },
  };

  const expenses: ExpenseQueries = {
    async expense(ledger, ref) {
      const e = record(ledger)?.expenses.get(ref);
      return e ? clone(e) : undefined;
    },
    async latestRecorded(ledger, by) {
      const all = [...(record(ledger)?.expenses.values() ?? [])].filter((e) => by === undefined || e.recordedBy === by);
      return clone(all.sort((a, b) => b.ref - a.ref)[0]);
    },
    async recent(ledger, limit) {
      return clone(byDate(record(ledger)).reverse().slice(0, limit));
    },
    async withReceipt(ledger, receipt) {
      const e = [...(record(ledger)?.expenses.values() ?? [])].find((x) => x.receipt === receipt);
      return e ? clone(e) : undefined;
    },
    async *pages(ledger) {
      const all = byDate(record(ledger));
      for (let i = 0; i < all.length; i += 100) yield clone(all.slice(i, i + 100));
    },
    async search(ledger, words, span, limit) {
      const found = byDate(record(ledger))
        .reverse()
        .filter((e) => (!span.from || e.date >= span.from) && (!span.to || e.date <= span.to))
        .filter((e) => words.length > 0 && words.every((w) => expenseTerms(e).includes(w)));
      return { hits: found.slice(0, limit).map((e) => ({ ref: e.ref, date: e.date, minor: e.amount.minor, currency: e.amount.currency })), truncated: found.length > limit };
    },
    async between(ledger, from, to) {
      return clone(byDate(record(ledger)).filter((e) => e.date >= from && e.date <= to));
    },
  };

  const totals: SpendingTotals = {
    async totals(ledger, from: LocalDate, to: LocalDate): Promise<CategoryTotal[]> {
      const sums = new Map<string, CategoryTotal>();
      for (const [key, t] of record(ledger)?.dayTotals ?? []) {
        const [date, currency, category] = key.split('|') as [string, string, string];
        if (date < from || date > to) continue;
        const prior = sums.get(`${currency}|${category}`);
        sums.set(`${currency}|${category}`, {
          currency: currency as CategoryTotal['currency'], category: category as Category,
          minor: (prior?.minor ?? 0) + t.minor, count: (prior?.count ?? 0) + t.count,
        });
      }
      return [...sums.values()].filter((t) => t.count !== 0 || t.minor !== 0);
    },
    async daily(ledger, from, to) {
      const sums = new Map<string, DayTotal>();
      for (const [key, t] of record(ledger)?.dayTotals ?? []) {
        const [date, currency] = key.split('|') as [LocalDate, DayTotal['currency']];
        if (date < from || date > to) continue;
        const prior = sums.get(`${date}|${currency}`);
        sums.set(`${date}|${currency}`, { date, currency, minor: (prior?.minor ?? 0) + t.minor, count: (prior?.count ?? 0) + t.count });
      }
      return [...sums.values()]
        .filter((t) => t.count !== 0 || t.minor !== 0)
        .sort((a, b) => a.date.localeCompare(b.date) || a.currency.localeCompare(b.currency));
    },
    async months(ledger, from, to) {
      const summaries = new Map<string, { month: YearMonth; currency: CategoryTotal['currency']; categories: CategoryTotal[]; days: DayTotal[] }>();
      const days = await totals.daily(ledger, firstOfMonth(from), lastOfMonth(to));
      for (const [key, t] of record(ledger)?.dayTotals ?? []) {
        const [date, currency, category] = key.split('|') as [LocalDate, CategoryTotal['currency'], Category];
        const month = yearMonthOf(date);
        if (month < from || month > to || (t.minor === 0 && t.count === 0)) continue;
        const summary = summaries.get(`${month}|${currency}`) ?? { month, currency, categories: [], days: days.filter((d) => yearMonthOf(d.date) === month && d.currency === currency) };
        const prior = summary.categories.find((c) => c.category === category);
        if (prior) summary.categories[summary.categories.indexOf(prior)] = { ...prior, minor: prior.minor + t.minor, count: prior.count + t.count };
        else summary.categories.push({ category, currency, minor: t.minor, count: t.count });
        summaries.set(`${month}|${currency}`, summary);
      }
      return [...summaries.values()]
        .map((s) => ({ ...s, categories: s.categories.filter((c) => c.minor !== 0 || c.count !== 0) }))
        .sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency));
    },
    async monthly(ledger, from, to) {
      return monthTotalsOf(await totals.months(ledger, from, to));
    },
    // Computed from the expenses: this store is a test double held to the same contract.
    async byDescription(ledger, from, to) {
      const sums = new Map<string, DescriptionTotal>();
      for (const e of record(ledger)?.expenses.values() ?? []) {
        const description = descriptionKey(e.description);
        const month = yearMonthOf(e.date);
        if (!description || month < from || month > to) continue;
        const prior = sums.get(`${e.amount.currency}|${description}`);
        sums.set(`${e.amount.currency}|${description}`, { description, currency: e.amount.currency, minor: (prior?.minor ?? 0) + e.amount.minor, count: (prior?.count ?? 0) + 1 });
      }
      return [...sums.values()];
    },
    async largest(ledger, month, currency, limit) {
      return [...(record(ledger)?.expenses.values() ?? [])]
        .filter((e) => yearMonthOf(e.date) === month && e.amount.currency === currency)
        .sort((a, b) => b.amount.minor - a.amount.minor || b.ref - a.ref)
        .slice(0, limit)
        .map((e) => ({ ref: e.ref, date: e.date, category: e.category, description: e.description, minor: e.amount.minor, currency }));
    },
  };

  const directory: LedgerDirectory = {
    async find(conversationKey, identityKey): Promise<DirectoryLookup> {
      const ledger = conversations.get(conversationKey);
      const membership = memberships.get(membershipKey(identityKey, conversationKey));
      return { ...(ledger ? { ledger: { ...ledger } } : {}), ...(membership ? { member: membership.member, memberName: membership.name } : {}) };
    },
    async memberNames(ledger) {
      return new Map(record(ledger)?.names ?? []);
    },
  };

  const places = (identity: string) => {
    const found = [...memberships].filter(([key]) => key.startsWith(`${identity}|`)).map(([key, m]) => {
      const conversation = key.slice(identity.length + 1);
      return { key, conversation, member: m.member, ledger: conversations.get(conversation)?.id };
    });
    const personal = found.filter((f) => f.conversation.startsWith('person:') && f.ledger);
    const groups = found.filter((f) => !f.conversation.startsWith('person:') && f.ledger);
    return { found, personal, groups };
  };
  // Receipt drafts live in their own in-memory store here: forgetting a group member's drafts is the table's (tested on DynamoDB Local).
  const personalData: PersonalData = {
    async locate(identity) {
      const { personal, groups } = places(identity);
      return { personalLedgers: [...new Set(personal.map((p) => p.ledger!))], groups: groups.map((g) => ({ ledger: g.ledger!, member: g.member })), groupDrafts: [] };
    },
    async forget(identity) {
      const { personal, groups } = places(identity);
      let items = 0;
      let events = 0;
      let expenses = 0;
      for (const ledger of new Set(personal.map((p) => p.ledger!))) {
        const r = ledgers.get(ledger)!;
        events += r.events.length;
        expenses += r.expenses.size;
        items += r.events.length + r.expenses.size + r.replies.size + r.dayTotals.size + r.memory.size + r.names.size;
        ledgers.delete(ledger);
        for (const key of [...dueEntries.keys()]) if (key.startsWith(`${ledger}|`)) dueEntries.delete(key);
        const itsConversations = [...conversations].filter(([, value]) => value.id === ledger).map(([key]) => key);
        for (const key of itsConversations) conversations.delete(key);
        for (const [key] of [...memberships]) if (itsConversations.some((c) => key.endsWith(`|${c}`))) memberships.delete(key);
      }
      for (const g of groups) {
        ledgers.get(g.ledger!)?.names.delete(g.member);
        memberships.delete(g.key);
        items += 2;
      }
      return { personalLedgers: new Set(personal.map((p) => p.ledger)).size, expenses, events, groupLedgers: groups.length, items };
    },
  };

  const due: DueSchedules = {
    async due(now, limit) {
      return [...dueEntries.values()].filter((d) => d.dueAt <= now.toISOString()).sort((a, b) => a.dueAt.localeCompare(b.dueAt)).slice(0, limit).map(clone);
    },
    async claim(run, until) {
      const key = moveClaim(run, until);
      if (!key) return undefined;
      const attempt = (dueAttempts.get(key) ?? 0) + 1;
      dueAttempts.set(key, attempt);
      return attempt;
    },
    async postpone(claimed, until) {
      return moveClaim(claimed, until) !== undefined;
    },
  };

  return { writer, expenses, totals, directory, personalData, due, events: (ledger) => clone(record(ledger)?.events ?? []) };
}

function byDate(r: LedgerRecord | undefined): Expense[] {
  return [...(r?.expenses.values() ?? [])].sort((a, b) => a.date.localeCompare(b.date) || a.ref - b.ref);
}

/** The read models an event changes, as the DynamoDB projections keep them. */
function project(r: LedgerRecord, event: LedgerEvent, openConversation: (key: string, scope: LedgerScope, unreachable?: true) => void): void {
  const count = (e: Expense, sign: 1 | -1) => {
    const key = `${e.date}|${e.amount.currency}|${e.category}`;
    const t = r.dayTotals.get(key) ?? { minor: 0, count: 0 };
    r.dayTotals.set(key, { minor: t.minor + sign * e.amount.minor, count: t.count + sign });
  };
  const remember = (e: Expense) => {
    const key = descriptionKey(e.description);
    if (key) r.memory.set(key, e.category);
  };
  switch (event.type) {
    case 'LedgerOpened':
      openConversation(event.data.conversation, event.data.scope);
      return;
    case 'ConversationReachChanged':
      openConversation(event.data.conversation, event.data.scope, event.data.reachable ? undefined : true);
      return;
    case 'ExpenseRecorded':
      r.expenses.set(event.data.expense.ref, event.data.expense);
      count(event.data.expense, 1);
      remember(event.data.expense);
      return;
    case 'ExpenseAmended': {
      const { before, after } = event.data;
      r.expenses.set(after.ref, after);
      count(before, -1);
      count(after, 1);
      if (after.category !== before.category || after.description !== before.description) remember(after);
      return;
    }
    case 'ExpenseDeleted':
      r.expenses.delete(event.data.expense.ref);
      count(event.data.expense, -1);
      return;
    default:
      return;
  }
}

/** Receipt drafts in memory, for fast tests (the same expiry as the table's TTL). */
export function createInMemoryReceiptDrafts(now: () => Date, ttlSeconds = RECEIPT_DRAFT_TTL_SECONDS): ReceiptDrafts {
  const drafts = new Map<string, { draft: ReceiptDraft; expiresAt: number }>();
  const files = new Map<string, { delivery: string; leaseUntil: number; receipt?: string | null; expiresAt: number }>();
  const live = (key: string) => {
    const found = drafts.get(key);
    return found && found.expiresAt > now().getTime() ? structuredClone(found.draft) : undefined;
  };
  return {
    async save(ledger, draft) {
      drafts.set(`${ledger}/${draft.receipt}`, { draft: structuredClone(draft), expiresAt: now().getTime() + ttlSeconds * 1000 });
    },
    async get(ledger, receipt) {
      return live(`${ledger}/${receipt}`);
    },
    async claimFile(ledger, file, delivery): Promise<FileClaim> {
      const key = `${ledger}/${file}`;
      const at = now().getTime();
      const held = files.get(key);
      if (!held || held.expiresAt <= at || (held.receipt === undefined && held.leaseUntil <= at)) {
        files.set(key, { delivery, leaseUntil: at + FILE_READING_LEASE_SECONDS * 1000, expiresAt: at + ttlSeconds * 1000 });
        return { kind: 'first' };
      }
      return { kind: 'claimed', ...(held.receipt !== undefined ? { receipt: held.receipt } : {}), sameDelivery: held.delivery === delivery };
    },
    async fileRead(ledger, file, receipt) {
      const held = files.get(`${ledger}/${file}`);
      if (held) held.receipt = receipt;
    },
    async waitingForAmount(ledger, member) {
      const mine = [...drafts.keys()].filter((k) => k.startsWith(`${ledger}/`)).map(live)
        .filter((d): d is ReceiptDraft => d !== undefined && d.member === member && !d.reading.total);
      return mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    },
    async remove(ledger, receipt) {
      drafts.delete(`${ledger}/${receipt}`);
    },
  };
}

/** Pending lines in memory, for fast tests (the same expiry as the table's TTL). */
export function createInMemoryPendingLines(now: () => Date): PendingLines {
  const lines = new Map<string, { line: PendingLine; expiresAt: number }>();
  return {
    async save(ledger, id, line) {
      lines.set(`${ledger}/${id}`, { line: structuredClone(line), expiresAt: now().getTime() + PENDING_LINE_TTL_SECONDS * 1000 });
    },
    async get(ledger, id) {
      const found = lines.get(`${ledger}/${id}`);
      return found && found.expiresAt > now().getTime() ? structuredClone(found.line) : undefined;
    },
    async remove(ledger, id) {
      lines.delete(`${ledger}/${id}`);
    },
    async asked(ledger, member) {
      return [...lines]
        .filter(([key, { line, expiresAt }]) => key.startsWith(`${ledger}/`) && expiresAt > now().getTime() && (!member || line.member === member))
        .map(([, { line }]) => structuredClone(line))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
  };
}
