import { formatDate, LocalDate } from '../calendar/local-date';
import { actions } from '../conversation/actions';
import { bold, code, formatted, item, line, TextBlock } from '../conversation/formatted-text';
import { Reply } from '../conversation/reply';
import { Category, categoryFromKeywords, FALLBACK_CATEGORY, toCategory } from '../expenses/categories';
import { formatMoney, Money, toDecimalString } from '../money/money';
import { ReceiptDraft } from './receipt-store.port';

const unsure = (sure: boolean) => (sure ? '' : ' (?)');

/** What the expense will be called and filed under: the person's words first, then the merchant. */
export function draftDescription(draft: ReceiptDraft): string {
  return draft.note ?? draft.reading.merchant?.value ?? 'receipt';
}

export function draftCategory(draft: ReceiptDraft): Category {
  return (draft.category ? toCategory(draft.category) : undefined) ?? categoryFromKeywords(draftDescription(draft)) ?? FALLBACK_CATEGORY;
}

/**
 * A draft as the person sees it: what was read, unsure values marked "(?)", and Confirm / Edit /
 * Discard. Without a total it asks for the amount, which finishes it when typed.
 */
export function draftReply(draft: ReceiptDraft, today: LocalDate): Reply {
  const { reading } = draft;
  const total = reading.total;
  const currencyLine = reading.currency.fromReceipt ? '' : ` (your ledger’s currency: the receipt shows none)`;
  const blocks: TextBlock[] = [
    line('🧾 ', bold(`Receipt${reading.merchant ? `: ${reading.merchant.value}${unsure(reading.merchant.sure)}` : ''}`)),
    ...(total ? [item('Total: ', bold(formatMoney(total.value)), `${unsure(total.sure)}${currencyLine}`)] : []),
    item(`Date: ${formatDate(reading.date?.value ?? today)}${reading.date ? unsure(reading.date.sure) : ' (not on the receipt: today)'}`),
    ...(reading.tax ? [item(`Tax: ${formatMoney(reading.tax)}`)] : []),
    item(`Category: ${draftCategory(draft)} · note: ${draftDescription(draft)}`),
    ...(reading.items.length ? [item(`${reading.items.length} item${reading.items.length === 1 ? '' : 's'}: ${reading.items.slice(0, 5).map((i) => `${i.description} ${formatMoney(i.amount)}`).join(' · ')}${reading.items.length > 5 ? ' …' : ''}`)] : []),
  ];
  if (!total) {
    return {
      text: formatted(...blocks, line('I could not read the total. Type it and I will record this receipt, for example: ', code('23.50'))),
      choices: [[{ label: '✏️ Edit', action: actions.receipt('edit', draft.receipt) }, { label: '🗑 Discard', action: actions.receipt('discard', draft.receipt), style: 'danger' }]],
    };
  }
  return {
    text: formatted(...blocks),
    choices: [[
      { label: '✅ Confirm', action: actions.receipt('confirm', draft.receipt), style: 'primary' },
      { label: '✏️ Edit', action: actions.receipt('edit', draft.receipt) },
      { label: '🗑 Discard', action: actions.receipt('discard', draft.receipt), style: 'danger' },
    ]],
  };
}

/** The draft's fields as an Edit form (Slack modal; elsewhere the typed way to finish it). */
export function draftFormReply(draft: ReceiptDraft, today: LocalDate, errors: Partial<Record<'amount' | 'date' | 'note' | 'category', string>> = {}): Reply {
  const total: Money | undefined = draft.reading.total?.value;
  const wrong = Object.entries(errors);
  return {
    text: formatted(
      ...(wrong.length ? [line('⚠️ The receipt was not changed:'), ...wrong.map(([f, e]) => item(`${f}: ${e}`))] : [line('Correct what the receipt says, then confirm it. Or type the amount, for example: ', code('23.50'))]),
    ),
    ...(wrong.length ? { audience: 'sender' as const } : {}),
    form: {
      title: 'Receipt',
      submit: { label: 'Save', action: actions.receipt('form', draft.receipt) },
      fields: [
        { name: 'amount', label: 'Total', value: total ? `${toDecimalString(total)} ${total.currency}` : '', hint: 'e.g. 23.50 EUR', ...(errors.amount ? { error: errors.amount } : {}) },
        { name: 'date', label: 'Date', value: draft.reading.date?.value ?? today, hint: 'e.g. yesterday', ...(errors.date ? { error: errors.date } : {}) },
        { name: 'note', label: 'Note', value: draftDescription(draft), hint: 'e.g. lunch with Sam', ...(errors.note ? { error: errors.note } : {}) },
        { name: 'category', label: 'Category', value: draftCategory(draft), hint: 'e.g. food', ...(errors.category ? { error: errors.category } : {}) },
      ],
    },
  };
}
