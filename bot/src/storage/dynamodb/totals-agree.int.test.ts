import fc from 'fast-check';
import { chat, ledgerOf } from '../../../../test/support/chat';
import { ledgerTestBed } from '../../../../test/support/test-ledger';
import { LocalDate } from '../../core/calendar/local-date';

const bed = ledgerTestBed('agree');

const command = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), cents: fc.integer({ min: 1, max: 99_999 }), category: fc.constantFrom('food', 'fun', 'rent'), day: fc.integer({ min: 1, max: 28 }), currency: fc.constantFrom('USD', 'EUR') }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({ kind: fc.constant('delete' as const), ref: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('amount' as const), ref: fc.integer({ min: 1, max: 12 }), cents: fc.integer({ min: 1, max: 99_999 }) }),
  fc.record({ kind: fc.constant('category' as const), ref: fc.integer({ min: 1, max: 12 }), category: fc.constantFrom('food', 'fun', 'travel') }),
  fc.record({ kind: fc.constant('date' as const), ref: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), month: fc.constantFrom(10, 11) }),
);

const money = (cents: number) => (cents / 100).toFixed(2);

test('property: after any adds, undos, deletes and edits, the totals equal the sum of the expenses that remain', async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (commands) => {
      run += 1;
      const user = `agree-${run}`;
      const { say } = chat(bed.deps, user);
      for (const c of commands) {
        if (c.kind === 'add') await say(`${money(c.cents)} ${c.currency} thing #${c.category} 2026-11-${String(c.day).padStart(2, '0')}`);
        if (c.kind === 'undo') await say('undo');
        if (c.kind === 'delete') await say(`delete ${c.ref}`);
        if (c.kind === 'amount') await say(`edit ${c.ref} amount ${money(c.cents)}`);
        if (c.kind === 'category') await say(`edit ${c.ref} category ${c.category}`);
        if (c.kind === 'date') await say(`edit ${c.ref} date 2026-${c.month}-${String(c.day).padStart(2, '0')}`);
      }
      const { ledger } = await ledgerOf(bed.deps, user);
      for (const [from, to] of [['2026-10-01', '2026-10-31'], ['2026-11-01', '2026-11-30'], ['2026-11-03', '2026-11-17']] as [LocalDate, LocalDate][]) {
        const expenses = await bed.deps.expenses.between(ledger, from, to);
        const expected = new Map<string, { minor: number; count: number }>();
        for (const e of expenses) {
          const key = `${e.amount.currency} ${e.category}`;
          const t = expected.get(key) ?? { minor: 0, count: 0 };
          expected.set(key, { minor: t.minor + e.amount.minor, count: t.count + 1 });
        }
        const totals = await bed.deps.totals.totals(ledger, from, to);
        const actual = new Map(totals.map((t) => [`${t.currency} ${t.category}`, { minor: t.minor, count: t.count }]));
        expect(actual).toEqual(expected);
      }
    }),
    { numRuns: 25 },
  );
}, 120_000);
