import { newLedgerId, MemberId } from '../core/ledger/ledger-id';
import { PENDING_LINE_TTL_SECONDS, PendingLine, PendingLines } from '../core/expenses/pending-lines.port';
import { LocalDate } from '../core/calendar/local-date';
import { Category } from '../core/expenses/categories';
import { CurrencyCode } from '../core/money/currencies';

/** What every store of pending lines must do; run against memory and DynamoDB Local. */
export function describePendingLinesContract(name: string, make: (now: () => Date) => Promise<{ lines: PendingLines; close?: () => void }>): void {
  describe(`${name}: pending lines contract`, () => {
    let now = new Date('2026-11-22T10:00:00Z');
    let lines: PendingLines;
    let close: (() => void) | undefined;
    beforeAll(async () => {
      ({ lines, close } = await make(() => now));
    });
    afterAll(() => close?.());
    const line: PendingLine = {
      member: 'mb_aaaaaaaaaaaaaaaa' as MemberId, createdAt: '2026-11-22T10:00:00.000Z', key: 'local:ana/msg-1', all: false,
      readings: [
        { amount: { minor: 200, currency: 'USD' as CurrencyCode }, date: '2026-11-22' as LocalDate, description: 'I have meetings' },
        { amount: { minor: 5000, currency: 'VND' as CurrencyCode }, date: '2026-11-21' as LocalDate, description: 'phở', category: 'food' as Category },
      ],
    };

    test('the questions a ledger keeps, oldest first, or only one member’s; expired ones are not', async () => {
      const ledger = newLedgerId();
      const other = 'mb_bbbbbbbbbbbbbbbb' as MemberId;
      await lines.save(ledger, 'second000001', { ...line, createdAt: '2026-11-22T10:05:00.000Z' });
      await lines.save(ledger, 'first0000001', line);
      await lines.save(ledger, 'others000001', { ...line, member: other, key: 'local:ben/msg-9' });
      await lines.save(newLedgerId(), 'elsewhere001', line);
      const everyone = await lines.asked(ledger);
      expect(everyone.map((l) => l.createdAt)).toEqual(['2026-11-22T10:00:00.000Z', '2026-11-22T10:00:00.000Z', '2026-11-22T10:05:00.000Z']);
      expect(everyone.map((l) => l.member).sort()).toEqual([line.member, line.member, other].sort());
      expect(await lines.asked(ledger, line.member)).toEqual([line, { ...line, createdAt: '2026-11-22T10:05:00.000Z' }]);
      expect(await lines.asked(ledger, other)).toEqual([{ ...line, member: other, key: 'local:ben/msg-9' }]);
      now = new Date(now.getTime() + (PENDING_LINE_TTL_SECONDS + 1) * 1000);
      try {
        expect(await lines.asked(ledger)).toEqual([]);
      } finally {
        now = new Date('2026-11-22T10:00:00Z');
      }
    });

    test('a question answered "no" is gone', async () => {
      const ledger = newLedgerId();
      await lines.save(ledger, 'mnopqrstuvwx', line);
      await lines.remove(ledger, 'mnopqrstuvwx');
      expect(await lines.get(ledger, 'mnopqrstuvwx')).toBeUndefined();
    });

    test('a line comes back as saved, in its own ledger only, until it expires', async () => {
      const ledger = newLedgerId();
      await lines.save(ledger, 'abcdefghijkl', line);
      expect(await lines.get(ledger, 'abcdefghijkl')).toEqual(line);
      expect(await lines.get(newLedgerId(), 'abcdefghijkl')).toBeUndefined();
      expect(await lines.get(ledger, 'other-id-123')).toBeUndefined();
      now = new Date(now.getTime() + (PENDING_LINE_TTL_SECONDS + 1) * 1000);
      try {
        expect(await lines.get(ledger, 'abcdefghijkl')).toBeUndefined();
      } finally {
        now = new Date('2026-11-22T10:00:00Z');
      }
    });
  });
}
