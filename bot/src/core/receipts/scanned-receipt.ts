/**
 * What a receipt reader (Textract, or the local OCR) saw, before anything is decided: candidates
 * for each field with the reader's confidence (0–100), the line items, and the text line by line.
 * Both readers produce this; one piece of code (read-receipt.ts) chooses among the candidates.
 */
export type CandidateKind = 'total' | 'amountPaid' | 'amountDue' | 'subtotal' | 'tax' | 'date' | 'merchant';

export interface ReceiptCandidate {
  readonly kind: CandidateKind;
  /** As printed: "$1,810.46", "659.00 Y", "12/07/2019", "MEGA MARKET". */
  readonly text: string;
  readonly confidence: number;
  /** An ISO code the reader attached to the value (Textract does, for 12 currencies). */
  readonly currency?: string;
}

export interface ReceiptItem {
  readonly description: string;
  /** The line's price as printed. */
  readonly priceText: string;
  readonly confidence: number;
}

export interface ScannedReceipt {
  readonly candidates: readonly ReceiptCandidate[];
  readonly items: readonly ReceiptItem[];
  /** Every line of text the reader found, top to bottom. */
  readonly lines: readonly string[];
}

/** Reads the text in a receipt image. Throws only for an outage; a blank image gives an empty result. */
export interface ReceiptScanner {
  scan(image: Uint8Array, mimeType: 'image/jpeg' | 'image/png'): Promise<ScannedReceipt>;
}
