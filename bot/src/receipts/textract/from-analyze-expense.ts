import type { AnalyzeExpenseCommandOutput, ExpenseDocument, ExpenseField } from '@aws-sdk/client-textract';
import { CandidateKind, ReceiptCandidate, ReceiptItem, ScannedReceipt } from '../../core/receipts/scanned-receipt';

/** Textract's field types (invoices-receipts in the Textract Developer Guide) that Spendwise reads. */
const KINDS: Record<string, CandidateKind> = {
  TOTAL: 'total', AMOUNT_PAID: 'amountPaid', AMOUNT_DUE: 'amountDue', SUBTOTAL: 'subtotal', TAX: 'tax',
  INVOICE_RECEIPT_DATE: 'date', VENDOR_NAME: 'merchant',
};

function candidate(field: ExpenseField): ReceiptCandidate | undefined {
  const type = field.Type?.Text ?? '';
  const text = field.ValueDetection?.Text ?? '';
  // A NAME in the VENDOR group is the merchant too (the Mega Market receipt names it both ways).
  const kind = KINDS[type] ?? (type === 'NAME' && field.GroupProperties?.some((g) => g.Types?.includes('VENDOR')) ? 'merchant' : undefined);
  if (!kind || text.trim() === '') return undefined;
  return {
    kind, text, confidence: field.ValueDetection?.Confidence ?? 0,
    ...(field.Currency?.Code ? { currency: field.Currency.Code } : {}),
  };
}

function items(document: ExpenseDocument): ReceiptItem[] {
  return (document.LineItemGroups ?? []).flatMap((group) => (group.LineItems ?? []).flatMap((line) => {
    const fields = line.LineItemExpenseFields ?? [];
    const text = (type: string) => fields.find((f) => f.Type?.Text === type);
    const price = text('PRICE');
    const description = text('ITEM') ?? text('DESCRIPTION');
    if (!price?.ValueDetection?.Text) return [];
    return [{ description: description?.ValueDetection?.Text ?? '', priceText: price.ValueDetection.Text, confidence: price.ValueDetection.Confidence ?? 0 }];
  }));
}

/**
 * An AnalyzeExpense response as a scanned receipt. A response may hold several documents (pages,
 * or two receipts in one picture): the one that has a total is the receipt; the text of all is kept.
 */
export function fromAnalyzeExpense(response: Pick<AnalyzeExpenseCommandOutput, 'ExpenseDocuments'>): ScannedReceipt {
  const documents = response.ExpenseDocuments ?? [];
  const withTotal = documents.find((d) => (d.SummaryFields ?? []).some((f) => f.Type?.Text === 'TOTAL' && f.ValueDetection?.Text));
  const chosen = withTotal ? [withTotal, ...documents.filter((d) => d !== withTotal)] : documents;
  const [main, ...others] = chosen;
  const fieldsOf = (d: ExpenseDocument | undefined) => (d?.SummaryFields ?? []).map(candidate).filter((c): c is ReceiptCandidate => c !== undefined);
  return {
    // Amounts from the receipt itself; its date or merchant may be printed on another page.
    candidates: [...fieldsOf(main), ...others.flatMap(fieldsOf).filter((c) => c.kind === 'date' || c.kind === 'merchant')],
    items: main ? items(main) : [],
    lines: documents.flatMap((d) => (d.Blocks ?? []).filter((b) => b.BlockType === 'LINE' && b.Text).map((b) => b.Text!)),
  };
}
