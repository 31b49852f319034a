import { fileFromBytes } from '../conversation/reply';
import { formatted, line } from '../conversation/formatted-text';
import { formatRef, parseRef } from '../ledger/expense';
import { expenseSpans } from '../presentation/expense-text';
import { userError } from '../user-error';
import { Command } from './command';

export const receiptCommand: Command = {
  name: 'receipt',
  usage: 'receipt <ref>',
  summary: 'the photo an expense was recorded from: receipt 42',
  async run([refText], turn, deps) {
    const ref = parseRef(refText);
    if (ref === undefined) return userError('receipt.usage', 'Tell me the number of the expense (see "list").', 'receipt 42');
    const expense = await deps.expenses.expense(turn.ledger, ref);
    if (!expense) return userError('expense.notFound', `There is no expense ${formatRef(ref)} in this ledger.`, 'list');
    const image = expense.receipt ? await deps.receipts?.images.get(turn.ledger, expense.receipt) : undefined;
    if (!image) return userError('receipt.none', `${formatRef(ref)} was not recorded from a photo.`, 'list');
    return [{
      text: formatted(line('🧾 ', ...expenseSpans(expense))),
      image: fileFromBytes(`receipt-${ref}.${image.mimeType === 'image/png' ? 'png' : 'jpg'}`, image.mimeType, image.bytes),
    }];
  },
};
