import { chat, ledgerOf } from '../../../test/support/chat';
import { fixedClock } from '../../../test/support/in-memory-core';
import { CoreDeps } from '../core/core-deps';
import { fileFromBytes, textReply } from '../core/conversation/reply';
import { LedgerEvent } from '../core/ledger/ledger-events';
import { MemberId, newLedgerId, newMemberId } from '../core/ledger/ledger-id';
import { evolve } from '../core/ledger/ledger-state';
import { createLedgerWriteQueue } from '../core/ledger/ledger-write-queue';
import { CurrencyCode } from '../core/money/currencies';
import { LocalDate, YearMonth } from '../core/calendar/local-date';
import { Category } from '../core/expenses/categories';

export type CoreFactory = (clock: ReturnType<typeof fixedClock>) => Promise<{ deps: CoreDeps; close?: () => void }>;

/**
 * What every implementation of the storage ports (writer, queries, totals, directory) must do.
 * The same cases run against the in-memory ports and against DynamoDB Local, so the fast core
 * tests and the storage tests cannot disagree.
 */
export function describeLedgerStorageContract(name: string, makeCore: CoreFactory): void {
  describe(`${name}: ledger storage contract`, () => {
    const clock = fixedClock('2026-11-22T10:00:00Z');
    let deps: CoreDeps;
    let close: (() => void) | undefined;
    beforeAll(async () => {
      ({ deps, close } = await makeCore(clock));
    });
    afterAll(() => close?.());
    let n = 0;
    const someone = () => `person${(n += 1)}`;
    const group = () => `group${(n += 1)}`;

    test('a private chat opens one personal ledger; the same person in two groups has two group ledgers besides', async () => {
      const ana = someone();
      const [g1, g2] = [group(), group()];
      await chat(deps, ana).say('5 tea');
      await chat(deps, ana).say('6 tea');
      await chat(deps, ana, { group: g1 }).say('7 tea');
      await chat(deps, ana, { group: g2 }).say('8 tea');
      const personal = await ledgerOf(deps, ana);
      const [first, second] = [await ledgerOf(deps, ana, { group: g1 }), await ledgerOf(deps, ana, { group: g2 })];
      expect(personal.scope).toBe('personal');
      expect([first.scope, second.scope]).toEqual(['group', 'group']);
      expect(new Set([personal.ledger, first.ledger, second.ledger]).size).toBe(3);
      expect(personal.ledger).toMatch(/^lg_[a-z0-9]{20}$/);
      expect((await deps.expenses.recent(personal.ledger, 10)).map((e) => e.amount.minor)).toEqual([600, 500]);
      expect((await deps.expenses.recent(first.ledger, 10)).map((e) => e.amount.minor)).toEqual([700]);
    });

    test('a person has the same member id in a group every time, and another person gets their own', async () => {
      const [ana, ben, room] = [someone(), someone(), group()];
      await chat(deps, ana, { group: room, displayName: 'Ana' }).say('5 tea');
      await chat(deps, ben, { group: room, displayName: 'Ben' }).say('6 tea');
      await chat(deps, ana, { group: room, displayName: 'Ana' }).say('7 tea');
      const a = await ledgerOf(deps, ana, { group: room });
      const b = await ledgerOf(deps, ben, { group: room });
      expect(b.ledger).toBe(a.ledger);
      expect(a.member).not.toBe(b.member);
      const recorded = await deps.expenses.recent(a.ledger, 10);
      expect(recorded.map((e) => e.recordedBy)).toEqual([a.member, b.member, a.member]);
      expect(Object.fromEntries(await deps.directory.memberNames(a.ledger))).toEqual({ [a.member!]: 'Ana', [b.member!]: 'Ben' });
    });

    test('first messages racing for one new conversation all land in one ledger', async () => {
      const room = group();
      const people = Array.from({ length: 8 }, () => someone());
      const replies = await Promise.all(people.map((p, i) => chat(deps, p, { group: room }).say(`${i + 1} snack`)));
      expect(replies.every((r) => r.startsWith('✅ Recorded #'))).toBe(true);
      const ledgers = await Promise.all(people.map((p) => ledgerOf(deps, p, { group: room })));
      expect(new Set(ledgers.map((l) => l.ledger)).size).toBe(1);
      expect(await deps.expenses.recent(ledgers[0]!.ledger, 50)).toHaveLength(8);
    });

    test('50 concurrent adds to one group ledger give 50 expenses and exact totals', async () => {
      const room = group();
      const people = Array.from({ length: 5 }, () => someone());
      await chat(deps, people[0]!, { group: room }).say('help');
      const amounts = Array.from({ length: 50 }, (_, i) => i + 1);
      const replies = await Promise.all(amounts.map((a) => chat(deps, people[a % 5]!, { group: room }).say(`${a}.25 snack #food`)));
      expect(replies.every((r) => r.startsWith('✅ Recorded #'))).toBe(true);
      const refs = replies.map((r) => Number(/#(\d+)/.exec(r)![1]));
      expect(new Set(refs).size).toBe(50);
      const { ledger } = await ledgerOf(deps, people[0]!, { group: room });
      const [total] = await deps.totals.totals(ledger, '2026-11-01' as LocalDate, '2026-11-30' as LocalDate);
      expect(total).toEqual({ category: 'food', currency: 'USD', minor: amounts.reduce((s, a) => s + a * 100 + 25, 0), count: 50 });
    });

    test('two processes (each with its own write queue) adding to one group ledger at once lose nothing', async () => {
      const room = group();
      const people = Array.from({ length: 4 }, () => someone());
      await chat(deps, people[0]!, { group: room }).say('help');
      const processes = [deps, { ...deps, queue: createLedgerWriteQueue() }];
      const amounts = Array.from({ length: 30 }, (_, i) => i + 1);
      const replies = await Promise.all(amounts.map((a) => chat(processes[a % 2]!, people[a % 4]!, { group: room }).say(`${a} snack #food`)));
      expect(replies.every((r) => r.startsWith('✅ Recorded #'))).toBe(true);
      const { ledger } = await ledgerOf(deps, people[0]!, { group: room });
      const [total] = await deps.totals.totals(ledger, '2026-11-01' as LocalDate, '2026-11-30' as LocalDate);
      expect(total).toMatchObject({ minor: amounts.reduce((s, a) => s + a * 100, 0), count: 30 });
      expect(new Set(replies.map((r) => /#(\d+)/.exec(r)![1])).size).toBe(30);
    });

    test('a ledger’s head is read back exactly as it was written, every field of its state', async () => {
      const ana = someone();
      const { say } = chat(deps, ana, { hints: { timeZone: 'Asia/Tokyo', locale: 'ja-JP' } });
      await say('12 lunch #food');
      await say('budget food 100');
      await say('90 dinner #food');
      await say('currency EUR');
      await say('week starts sunday');
      await say('recurring add monthly 31 1200 rent #housing');
      await say('recurring pause r1');
      await say('remind daily 21:30');
      const { ledger, member } = await ledgerOf(deps, ana);
      const { head } = await deps.writer.load(ledger, {});
      expect(head.state).toEqual({
        scope: 'personal',
        address: { platform: 'local', conversationId: ana, userId: ana },
        settings: { currency: 'EUR', timeZone: 'Asia/Tokyo', locale: 'ja-JP', dateOrder: 'mdy', weekStart: 'sunday' },
        budgets: { 'category:food': { scope: { kind: 'category', category: 'food' }, limit: { minor: 10_000, currency: 'USD' } } },
        announced: ['2026-11|category:food|100', '2026-11|category:food|80'],
        nextRef: 3,
        categories: ['food'],
        timeZoneChosen: true,
        schedules: {
          s1: {
            id: 's1', ref: 1, task: { kind: 'expense', amount: { minor: 120_000, currency: 'EUR' }, description: 'rent', category: 'housing' },
            recurrence: { every: 'month', day: 31 }, at: '00:00', next: '2026-11-30', by: member, paused: 'asked',
          },
          s2: { id: 's2', ref: 2, task: { kind: 'reminder' }, recurrence: { every: 'day' }, at: '21:30', next: '2026-11-22', by: member },
        },
        nextScheduleRef: 3,
      });
    });

    test('an append behind the ledger’s version is a conflict and changes nothing', async () => {
      const ana = someone();
      await chat(deps, ana).say('5 first');
      const { ledger, member } = await ledgerOf(deps, ana);
      const { head } = await deps.writer.load(ledger, {});
      const events = [recorded(head.state.nextRef, member!)];
      const stale = { ledger, expectedVersion: head.version - 1, events, state: events.reduce(evolve, head.state), actor: member!, at: clock.now(), replies: [], idempotencyKey: 'stale' };
      expect(await deps.writer.append(stale)).toBe('conflict');
      expect((await deps.writer.load(ledger, {})).head.version).toBe(head.version);
      expect(await deps.expenses.expense(ledger, head.state.nextRef)).toBeUndefined();
      expect(await deps.writer.priorReplies(ledger, 'stale')).toBeUndefined();
    });

    test('a redelivered key is a duplicate; what was answered is kept, without file bytes', async () => {
      const ana = someone();
      await chat(deps, ana).say('5 first');
      const { ledger, member } = await ledgerOf(deps, ana);
      const { head } = await deps.writer.load(ledger, {});
      const events = [recorded(head.state.nextRef, member!)];
      const replies = [{ ...textReply('done'), choices: [[{ label: 'Undo', action: 'undo:2', style: 'danger' as const }]], file: fileFromBytes('a.csv', 'text/csv', Buffer.from('x')) }];
      const append = { ledger, expectedVersion: head.version, events, state: events.reduce(evolve, head.state), actor: member!, at: clock.now(), replies, idempotencyKey: 'once' };
      expect(await deps.writer.append(append)).toBe('written');
      expect(await deps.writer.append({ ...append, expectedVersion: head.version + 1 })).toBe('duplicate');
      expect(await deps.writer.priorReplies(ledger, 'once')).toEqual([{ text: replies[0]!.text, choices: replies[0]!.choices }]);
      expect((await deps.writer.load(ledger, { idempotencyKey: 'once' })).priorReplies).toHaveLength(1);
    });

    test('a second ledger for a conversation that has one is refused, and so is a second link for one person', async () => {
      const ana = someone();
      await chat(deps, ana).say('5 first');
      const { ledger, member } = await ledgerOf(deps, ana);
      const other = newLedgerId();
      const opened: LedgerEvent[] = [{ type: 'LedgerOpened', data: { scope: 'personal', conversation: `person:local:${ana}`, address: { platform: 'local', conversationId: `u:${ana}` }, settings: {} } }];
      const base = { expectedVersion: 0, events: opened, actor: newMemberId(), at: clock.now(), replies: [] };
      expect(await deps.writer.append({ ...base, ledger: other, state: opened.reduce(evolve, (await deps.writer.load(other, {})).head.state) })).toBe('conflict');
      const { head } = await deps.writer.load(ledger, {});
      const joined: LedgerEvent[] = [{ type: 'MemberJoined', data: { member: newMemberId() } }];
      const again = {
        ledger, expectedVersion: head.version, events: joined, state: head.state, actor: member!, at: clock.now(), replies: [],
        members: [{ identityKey: `local:${ana}`, conversationKey: `person:local:${ana}`, ledger, member: newMemberId(), displayName: 'x' }],
      };
      expect(await deps.writer.append(again)).toBe('conflict');
      expect((await ledgerOf(deps, ana)).member).toBe(member);
    });

    test('queries: newest date first, a date range both ends included, the latest recorded by a member', async () => {
      const [ana, ben, room] = [someone(), someone(), group()];
      const inRoom = (p: string) => chat(deps, p, { group: room });
      await inRoom(ana).say('1 a 2026-11-01');
      await inRoom(ben).say('2 b 2026-11-20');
      await inRoom(ana).say('3 c 2026-11-10');
      await inRoom(ben).say('4 d 2026-10-31');
      const { ledger, member } = await ledgerOf(deps, ana, { group: room });
      expect((await deps.expenses.recent(ledger, 3)).map((e) => e.description)).toEqual(['b', 'c', 'a']);
      expect((await deps.expenses.between(ledger, '2026-11-01' as LocalDate, '2026-11-10' as LocalDate)).map((e) => e.description)).toEqual(['a', 'c']);
      expect((await deps.expenses.latestRecorded(ledger))?.description).toBe('d');
      expect((await deps.expenses.latestRecorded(ledger, member))?.description).toBe('c');
      expect(await deps.expenses.latestRecorded(ledger, newMemberId())).toBeUndefined();
      const pages: string[][] = [];
      for await (const page of deps.expenses.pages(ledger)) pages.push(page.map((e) => e.description));
      expect(pages.flat()).toEqual(['d', 'a', 'c', 'b']);
      expect(pages.every((p) => p.length > 0)).toBe(true);
    });

    test('totals: whole months, spans of days and single days all equal the expenses in them, after edits and deletes', async () => {
      const ana = someone();
      const { say } = chat(deps, ana);
      await say('10 a #food 2026-10-31');
      await say('20 b #food 2026-11-01');
      await say('30 c #fun 2026-11-15');
      await say('5 EUR d #food 2026-11-15');
      await say('7 e #food 2026-11-15');
      await say('edit 3 amount 35');
      await say('edit 1 date 2026-11-02');
      await say('delete 2');
      const { ledger } = await ledgerOf(deps, ana);
      const month = await deps.totals.totals(ledger, '2026-11-01' as LocalDate, '2026-11-30' as LocalDate);
      expect(sorted(month)).toEqual([
        { category: 'food', currency: 'EUR', minor: 500, count: 1 },
        { category: 'food', currency: 'USD', minor: 1700, count: 2 },
        { category: 'fun', currency: 'USD', minor: 3500, count: 1 },
      ]);
      // Day by day, every category together, oldest first.
      expect(await deps.totals.daily(ledger, '2026-11-01' as LocalDate, '2026-11-30' as LocalDate)).toEqual([
        { date: '2026-11-02', currency: 'USD', minor: 1000, count: 1 },
        { date: '2026-11-15', currency: 'EUR', minor: 500, count: 1 },
        { date: '2026-11-15', currency: 'USD', minor: 4200, count: 2 },
      ]);
      expect(await deps.totals.daily(ledger, '2026-10-01' as LocalDate, '2026-11-01' as LocalDate)).toEqual([]);
      // Month by month, per category and currency, oldest first.
      expect(await deps.totals.monthly(ledger, '2026-09' as YearMonth, '2026-11' as YearMonth)).toEqual([
        { month: '2026-11', currency: 'EUR', category: 'food', minor: 500, count: 1 },
        { month: '2026-11', currency: 'USD', category: 'food', minor: 1700, count: 2 },
        { month: '2026-11', currency: 'USD', category: 'fun', minor: 3500, count: 1 },
      ]);
      expect(sorted(await deps.totals.totals(ledger, '2026-11-02' as LocalDate, '2026-11-14' as LocalDate))).toEqual([
        { category: 'food', currency: 'USD', minor: 1000, count: 1 },
      ]);
      expect(await deps.totals.totals(ledger, '2026-10-01' as LocalDate, '2026-10-31' as LocalDate)).toEqual([]);
      // Month summaries: each month and currency with its categories and days, in one read.
      const summaries = await deps.totals.months(ledger, '2026-09' as YearMonth, '2026-12' as YearMonth);
      expect(summaries.map((s) => ({ ...s, categories: sorted([...s.categories]) }))).toEqual([
        { month: '2026-11', currency: 'EUR', categories: [{ category: 'food', currency: 'EUR', minor: 500, count: 1 }], days: [{ date: '2026-11-15', currency: 'EUR', minor: 500, count: 1 }] },
        {
          month: '2026-11', currency: 'USD',
          categories: [{ category: 'food', currency: 'USD', minor: 1700, count: 2 }, { category: 'fun', currency: 'USD', minor: 3500, count: 1 }],
          days: [{ date: '2026-11-02', currency: 'USD', minor: 1000, count: 1 }, { date: '2026-11-15', currency: 'USD', minor: 4200, count: 2 }],
        },
      ]);
      expect(await deps.totals.months(ledger, '2026-10' as YearMonth, '2026-10' as YearMonth)).toEqual([]);
    });

    test('per description: month totals in any case and spacing, after edits and deletes; the largest expenses of a month and currency, largest first', async () => {
      const ana = someone();
      const { say } = chat(deps, ana);
      await say('12 Corner  Shop #food 2026-10-31');
      await say('20 corner shop #food 2026-11-01');
      await say('30 Bar & Grill #food 2026-11-15');
      await say('5 EUR corner shop #food 2026-11-15');
      await say('90 dinner #food 2026-11-20');
      await say('45 taxi #transport 2026-11-20');
      await say('edit 5 amount 95');
      await say('edit 3 amount 40');
      await say('delete 2');
      const { ledger } = await ledgerOf(deps, ana);
      const november = '2026-11' as YearMonth;
      const byDescription = (from: string, to: string) => deps.totals.byDescription(ledger, from as YearMonth, to as YearMonth)
        .then((ts) => [...ts].sort((a, b) => a.currency.localeCompare(b.currency) || a.description.localeCompare(b.description)));
      expect(await byDescription('2026-11', '2026-11')).toEqual([
        { description: 'corner shop', currency: 'EUR', minor: 500, count: 1 },
        { description: 'bar & grill', currency: 'USD', minor: 4000, count: 1 },
        { description: 'dinner', currency: 'USD', minor: 9500, count: 1 },
        { description: 'taxi', currency: 'USD', minor: 4500, count: 1 },
      ]);
      expect((await byDescription('2026-10', '2026-11')).find((t) => t.description === 'corner shop' && t.currency === 'USD')).toEqual({ description: 'corner shop', currency: 'USD', minor: 1200, count: 1 });

      const largest = await deps.totals.largest(ledger, november, 'USD' as CurrencyCode, 2);
      expect(largest).toEqual([
        { ref: 5, date: '2026-11-20', category: 'food', description: 'dinner', minor: 9500, currency: 'USD' },
        { ref: 6, date: '2026-11-20', category: 'transport', description: 'taxi', minor: 4500, currency: 'USD' },
      ]);
      expect((await deps.totals.largest(ledger, november, 'USD' as CurrencyCode, 10)).map((e) => e.ref)).toEqual([5, 6, 3]);
      expect(await deps.totals.largest(ledger, november, 'EUR' as CurrencyCode, 10)).toEqual([
        { ref: 4, date: '2026-11-15', category: 'food', description: 'corner shop', minor: 500, currency: 'EUR' },
      ]);
      expect(await deps.totals.largest(ledger, '2026-12' as YearMonth, 'USD' as CurrencyCode, 10)).toEqual([]);
    });

    test('search: every word in the description or category, any case or accents, newest first, after edits and deletes; a period narrows it', async () => {
      const ana = someone();
      const { say } = chat(deps, ana);
      await say('50k Phở Bò #food 2026-10-30');
      await say('60k pho ga #food 2026-11-02');
      await say('3 EUR PHO BO take away #food 2026-11-05');
      await say('20 bus #transport 2026-11-06');
      await say('9 bo tai #snacks 2026-11-07');
      await say('edit 5 note bún bò');
      await say('delete 4');
      const { ledger } = await ledgerOf(deps, ana);
      const search = (words: string[], span: { from?: string; to?: string } = {}, limit = 100) =>
        deps.expenses.search(ledger, words, span as { from?: LocalDate; to?: LocalDate }, limit);

      expect(await search(['pho', 'bo'])).toEqual({
        truncated: false,
        hits: [{ ref: 3, date: '2026-11-05', minor: 300, currency: 'EUR' }, { ref: 1, date: '2026-10-30', minor: 5_000_000, currency: 'USD' }],
      });
      expect((await search(['bo'])).hits.map((h) => h.ref)).toEqual([5, 3, 1]);
      expect((await search(['food'], { from: '2026-11-01', to: '2026-11-30' })).hits.map((h) => h.ref)).toEqual([3, 2]);
      expect((await search(['bus'])).hits).toEqual([]);
      expect((await search(['tai'])).hits).toEqual([]);
      expect(await search(['bo'], {}, 2)).toEqual({ truncated: true, hits: [expect.objectContaining({ ref: 5 }), expect.objectContaining({ ref: 3 })] });
    });

    test('the category remembered for a description comes back with the ledger', async () => {
      const ana = someone();
      await chat(deps, ana).say('9 Corner Shop #snacks');
      const { ledger } = await ledgerOf(deps, ana);
      expect((await deps.writer.load(ledger, { descriptionKeys: ['corner shop', 'elsewhere'] })).remembered).toEqual({ 'corner shop': 'snacks' });
      expect((await deps.writer.load(ledger, {})).remembered).toEqual({});
    });

    test('a person’s first settings come from the platform’s hints; the ledger’s own choices win later', async () => {
      const ana = someone();
      const hinted = chat(deps, ana, { hints: { timeZone: 'america/new_york', locale: 'en_US' } });
      clock.set('2026-11-23T02:00:00Z'); // still the 22nd in New York
      try {
        expect(await hinted.say('5 tea 11/20')).toContain('Fri 20 Nov 2026');
        expect(await hinted.say('6 tea')).toContain('Sun 22 Nov 2026');
        await hinted.say('timezone Europe/Paris');
        expect(await hinted.say('7 tea')).toContain('Mon 23 Nov 2026');
        const { ledger } = await ledgerOf(deps, ana);
        expect((await deps.writer.load(ledger, {})).head.state.settings).toMatchObject({ timeZone: 'Europe/Paris', locale: 'en-US', dateOrder: 'mdy' });
      } finally {
        clock.set('2026-11-22T10:00:00Z');
      }
    });
  });
}

function recorded(ref: number, member: MemberId): LedgerEvent {
  return {
    type: 'ExpenseRecorded',
    data: {
      expense: {
        ref, amount: { minor: 999, currency: 'USD' as CurrencyCode }, category: 'food' as Category, description: 'ghost',
        date: '2026-11-22' as LocalDate, recordedAt: '2026-11-22T10:00:00.000Z', recordedBy: member,
      },
      alerts: [],
    },
  };
}

const sorted = <T extends { currency: string; category: string }>(totals: T[]) =>
  [...totals].sort((a, b) => a.currency.localeCompare(b.currency) || a.category.localeCompare(b.category));

