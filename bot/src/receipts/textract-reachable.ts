import { AnalyzeExpenseCommand, TextractClient } from '@aws-sdk/client-textract';

/** The smallest PNG there is (1×1): Textract reads it as a document and finds nothing in it. */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Refusals that prove the call reached Textract and was allowed: only the document was not a receipt. */
const ABOUT_THE_DOCUMENT = new Set(['UnsupportedDocumentException', 'BadDocumentException', 'InvalidParameterException', 'DocumentTooLargeException']);

/**
 * Whether Textract answers AnalyzeExpense for these credentials (the call the receipts reader
 * makes), with a one-pixel image: a "permission denied" or no answer is a failure.
 */
export async function textractAnswers(region: string | undefined): Promise<string> {
  const client = new TextractClient({ ...(region ? { region } : {}), maxAttempts: 1 });
  try {
    const out = await client.send(new AnalyzeExpenseCommand({ Document: { Bytes: TINY_PNG } }), { abortSignal: AbortSignal.timeout(10_000) });
    return `AnalyzeExpense answered (${out.ExpenseDocuments?.length ?? 0} documents)`;
  } catch (error) {
    const name = (error as Error).name;
    if (ABOUT_THE_DOCUMENT.has(name)) return `AnalyzeExpense reachable and permitted (${name} for a blank image)`;
    throw new Error(`AnalyzeExpense: ${name}: ${(error as Error).message}`);
  } finally {
    client.destroy();
  }
}
