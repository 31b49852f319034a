import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { RECEIPT_PREFIXES } from '../../bot/src/receipts/s3-receipt-images';
import { privateBucket } from './private-bucket';

export interface ReceiptsBucketArgs {
  /** How long an unconfirmed receipt's image stays (its draft expires after a week). */
  readonly draftDays?: number;
  /** How long a deleted or replaced image's old version stays (DECISIONS: 30 days). */
  readonly noncurrentVersionDays?: number;
}

/**
 * Receipt images: private, encrypted, versioned, TLS-only; drafts under a prefix a lifecycle rule
 * expires, confirmed receipts for as long as their expenses; old versions for 30 days. The task
 * reaches it through the VPC's S3 gateway endpoint. Protected: it holds people's receipts.
 */
export class ReceiptsBucket extends pulumi.ComponentResource {
  readonly bucketName: pulumi.Output<string>;
  readonly bucketArn: pulumi.Output<string>;

  constructor(name: string, args: ReceiptsBucketArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super('spendwise:data:ReceiptsBucket', name, {}, opts);
    const parent = { parent: this };
    const bucket = privateBucket(name, this, { protect: true });
    new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-encryption`, {
      bucket: bucket.id,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' }, bucketKeyEnabled: true }],
    }, parent);
    new aws.s3.BucketLifecycleConfiguration(`${name}-lifecycle`, {
      bucket: bucket.id,
      rules: [
        { id: 'expire-unconfirmed-drafts', status: 'Enabled', filter: { prefix: RECEIPT_PREFIXES.drafts }, expiration: { days: args.draftDays ?? 8 } },
        {
          id: 'expire-old-versions', status: 'Enabled', filter: {},
          noncurrentVersionExpiration: { noncurrentDays: args.noncurrentVersionDays ?? 30 },
          abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
        },
      ],
    }, parent);
    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
    this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn });
  }
}
