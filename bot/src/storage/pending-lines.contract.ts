import { newLedgerId, MemberId } from '../core/ledger/ledger-id';
import { PENDING_LINE_TTL_SECONDS, PendingLines } from '../core/expenses/pending-lines.port';

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
    const line = { text: 'I have 2 meetings today', member: 'mb_aaaaaaaaaaaaaaaa' as MemberId, createdAt: '2026-11-22T10:00:00.000Z' };

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
