import { Config } from '../config/config';
import { createFolderReceiptImages } from './receipt-images';
import { createS3ReceiptImages } from './s3-receipt-images';

/** Where this deployment keeps receipt images: the bucket RECEIPTS_BUCKET names, else the folder RECEIPTS_DIR. */
export function receiptImagesFor(config: Pick<Config, 'receiptImages' | 'storage'>) {
  const region = config.storage.kind === 'dynamodb' ? config.storage.region : undefined;
  if (config.receiptImages.kind === 'folder') return { kind: 'folder' as const, images: createFolderReceiptImages(config.receiptImages.dir), close() {} };
  const images = createS3ReceiptImages(config.receiptImages.bucket, region ? { region } : {});
  return { kind: 's3' as const, images, close: () => images.close() };
}
