import { CopyObjectCommand, DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ReceiptImage, ReceiptImages } from '../core/receipts/receipt-store.port';

/**
 * Where receipts live in the bucket (DECISIONS: drafts under a prefix a lifecycle rule expires; a
 * confirmed receipt's image as long as its expense). The Pulumi stack's lifecycle rule uses these.
 */
export const RECEIPT_PREFIXES = { drafts: 'drafts/', kept: 'receipts/' } as const;

/** Ledger and receipt ids become object keys and file names: nothing that could climb out of its folder. */
export function assertSafeReceiptIds(...ids: string[]): void {
  if (!ids.every((id) => /^[A-Za-z0-9_-]+$/.test(id))) throw new Error('unsafe receipt path');
}

const key = (prefix: string, ledger: string, receipt: string) => {
  assertSafeReceiptIds(ledger, receipt);
  return `${prefix}${ledger}/${receipt}`;
};

const notFound = (error: unknown) => ['NoSuchKey', 'NotFound'].includes((error as Error).name);

/** Receipt images in a private S3 bucket (encrypted by the bucket's default; reached through the gateway endpoint). */
export function createS3ReceiptImages(bucket: string, options: { region?: string } = {}): ReceiptImages & { close(): void } {
  // forcePathStyle: the SDK's AWS_ENDPOINT_URL_S3 can then point at a stand-in on loopback.
  const s3 = new S3Client({
    ...(options.region ? { region: options.region } : {}), forcePathStyle: true, maxAttempts: 3,
    requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const read = async (k: string): Promise<ReceiptImage | undefined> => {
    try {
      const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: k }));
      const bytes = await out.Body?.transformToByteArray();
      return bytes ? { bytes, mimeType: out.ContentType === 'image/png' ? 'image/png' : 'image/jpeg' } : undefined;
    } catch (error) {
      if (notFound(error)) return undefined;
      throw error;
    }
  };
  return {
    async put(ledger, receipt, image) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key(RECEIPT_PREFIXES.drafts, ledger, receipt), Body: image.bytes, ContentType: image.mimeType }));
    },
    async keep(ledger, receipt) {
      const from = key(RECEIPT_PREFIXES.drafts, ledger, receipt);
      try {
        await s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource: `${bucket}/${from}`, Key: key(RECEIPT_PREFIXES.kept, ledger, receipt) }));
      } catch (error) {
        if (notFound(error)) return; // kept already (a second Confirm)
        throw error;
      }
      await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: from }] } }));
    },
    async get(ledger, receipt) {
      return (await read(key(RECEIPT_PREFIXES.kept, ledger, receipt))) ?? read(key(RECEIPT_PREFIXES.drafts, ledger, receipt));
    },
    async remove(ledger, receipt) {
      await s3.send(new DeleteObjectsCommand({
        Bucket: bucket,
        Delete: { Objects: [{ Key: key(RECEIPT_PREFIXES.kept, ledger, receipt) }, { Key: key(RECEIPT_PREFIXES.drafts, ledger, receipt) }] },
      }));
    },
    async removeLedger(ledger) {
      assertSafeReceiptIds(ledger);
      for (const prefix of [RECEIPT_PREFIXES.kept, RECEIPT_PREFIXES.drafts]) {
        const under = `${prefix}${ledger}/`;
        // A listing page holds at most 1000 keys, which is what one DeleteObjects takes.
        for (let token: string | undefined, more = true; more; ) {
          const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: under, ContinuationToken: token }));
          const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
          if (keys.length > 0) await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }));
          token = page.NextContinuationToken;
          more = page.IsTruncated === true && token !== undefined;
        }
      }
    },
    close: () => s3.destroy(),
  };
}
