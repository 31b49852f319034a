import { LocalDate } from '../core/calendar/local-date';
import { LedgerId, MemberId, newLedgerId } from '../core/ledger/ledger-id';
import { CurrencyCode } from '../core/money/currencies';
import { FILE_READING_LEASE_SECONDS, ReceiptDraft, ReceiptDrafts } from '../core/receipts/receipt-store.port';

/** What every store of receipt drafts must do; run against memory and DynamoDB Local. */
export function describeReceiptDraftsContract(name: string, make: (now: () => Date) => Promise<{ drafts: ReceiptDrafts; close?: () => void }>): void {
  describe(`${name}: receipt drafts contract`, () => {
    let now = new Date('2026-11-22T10:00:00Z');
    let drafts: ReceiptDrafts;
    let close: (() => void) | undefined;
    beforeAll(async () => {
      ({ drafts, close } = await make(() => now));
    });
    afterAll(() => close?.());
    const ana = 'mb_aaaaaaaaaaaaaaaa' as MemberId;
    const ben = 'mb_bbbbbbbbbbbbbbbb' as MemberId;
    const draft = (receipt: string, member: MemberId, total: boolean, createdAt: string): ReceiptDraft => ({
      receipt, member, mimeType: 'image/png', createdAt, note: 'lunch',
      reading: {
        currency: { code: 'USD' as CurrencyCode, fromReceipt: true },
        items: [{ description: 'Soup', amount: { minor: 900, currency: 'USD' as CurrencyCode } }],
        date: { value: '2026-11-21' as LocalDate, sure: true },
        ...(total ? { total: { value: { minor: 2340, currency: 'USD' as CurrencyCode }, sure: false, from: 'items' as const } } : {}),
      },
    });

    test('a draft comes back as it was saved, and goes when removed', async () => {
      const ledger: LedgerId = newLedgerId();
      const saved = draft('AAAAAAAAAAAAAAA1', ana, true, '2026-11-22T10:00:00.000Z');
      await drafts.save(ledger, saved);
      expect(await drafts.get(ledger, saved.receipt)).toEqual(saved);
      expect(await drafts.get(newLedgerId(), saved.receipt)).toBeUndefined();
      await drafts.remove(ledger, saved.receipt);
      expect(await drafts.get(ledger, saved.receipt)).toBeUndefined();
    });

    test('the person’s newest draft without a total is the one waiting for an amount; others’ are not theirs', async () => {
      const ledger = newLedgerId();
      await drafts.save(ledger, draft('AAAAAAAAAAAAAAA2', ana, false, '2026-11-22T09:00:00.000Z'));
      await drafts.save(ledger, draft('AAAAAAAAAAAAAAA3', ana, false, '2026-11-22T09:30:00.000Z'));
      await drafts.save(ledger, draft('AAAAAAAAAAAAAAA4', ana, true, '2026-11-22T09:45:00.000Z'));
      await drafts.save(ledger, draft('AAAAAAAAAAAAAAA5', ben, false, '2026-11-22T09:50:00.000Z'));
      expect((await drafts.waitingForAmount(ledger, ana))?.receipt).toBe('AAAAAAAAAAAAAAA3');
      expect((await drafts.waitingForAmount(ledger, ben))?.receipt).toBe('AAAAAAAAAAAAAAA5');
      expect(await drafts.waitingForAmount(newLedgerId(), ana)).toBeUndefined();
    });

    test('a platform file is claimed once: the same delivery again is told so, another sees it being read, then what it became', async () => {
      const ledger = newLedgerId();
      expect(await drafts.claimFile(ledger, 'F1', 'slack:file:F1')).toEqual({ kind: 'first' });
      expect(await drafts.claimFile(ledger, 'F1', 'slack:file:F1')).toEqual({ kind: 'claimed', sameDelivery: true });
      expect(await drafts.claimFile(ledger, 'F1', 'telegram:update:9')).toEqual({ kind: 'claimed', sameDelivery: false });
      expect(await drafts.claimFile(newLedgerId(), 'F1', 'slack:file:F1')).toEqual({ kind: 'first' });
      await drafts.fileRead(ledger, 'F1', 'AAAAAAAAAAAAAAA7');
      expect(await drafts.claimFile(ledger, 'F1', 'telegram:update:10')).toEqual({ kind: 'claimed', receipt: 'AAAAAAAAAAAAAAA7', sameDelivery: false });
      await drafts.fileRead(ledger, 'F2', 'never-claimed');
      expect(await drafts.claimFile(ledger, 'F2', 'd')).toEqual({ kind: 'first' });
    });

    test('a file that was no receipt says so; one left unread past its lease (its task stopped) can be claimed again', async () => {
      const ledger = newLedgerId();
      await drafts.claimFile(ledger, 'F3', 'd1');
      await drafts.fileRead(ledger, 'F3', null);
      expect(await drafts.claimFile(ledger, 'F3', 'd2')).toEqual({ kind: 'claimed', receipt: null, sameDelivery: false });
      await drafts.claimFile(ledger, 'F4', 'd1');
      now = new Date(now.getTime() + (FILE_READING_LEASE_SECONDS + 1) * 1000);
      try {
        expect(await drafts.claimFile(ledger, 'F4', 'd2')).toEqual({ kind: 'first' });
        expect(await drafts.claimFile(ledger, 'F3', 'd3')).toMatchObject({ kind: 'claimed', receipt: null });
      } finally {
        now = new Date('2026-11-22T10:00:00Z');
      }
    });

    test('a draft left for more than a week is gone', async () => {
      const ledger = newLedgerId();
      await drafts.save(ledger, draft('AAAAAAAAAAAAAAA6', ana, false, '2026-11-22T10:00:00.000Z'));
      now = new Date('2026-11-30T10:00:01Z');
      try {
        expect(await drafts.get(ledger, 'AAAAAAAAAAAAAAA6')).toBeUndefined();
        expect(await drafts.waitingForAmount(ledger, ana)).toBeUndefined();
      } finally {
        now = new Date('2026-11-22T10:00:00Z');
      }
    });
  });
}
