import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { privateBucket } from '../components/private-bucket';

export interface StateBackendArgs {
  readonly keyAlias: string;
  readonly noncurrentVersionDays?: number;
}

/**
 * Where Pulumi keeps the stacks' state: a private, versioned, KMS-encrypted, TLS-only bucket, and the
 * KMS key that also encrypts stack secrets (`awskms://`). Both are protected and outlive a destroy.
 * Pulumi's S3 backend locks with files in the bucket, so there is no DynamoDB lock table.
 */
export class StateBackend extends pulumi.ComponentResource {
  readonly bucketName: pulumi.Output<string>;
  readonly bucketArn: pulumi.Output<string>;
  readonly keyArn: pulumi.Output<string>;
  readonly keyAliasName: pulumi.Output<string>;

  constructor(name: string, args: StateBackendArgs, opts?: pulumi.ComponentResourceOptions) {
    super('spendwise:bootstrap:StateBackend', name, {}, opts);
    const parent = { parent: this };
    const keep = { parent: this, protect: true, retainOnDelete: true };

    const key = new aws.kms.Key(`${name}-key`, { description: 'Spendwise Pulumi state and stack secrets', enableKeyRotation: true, deletionWindowInDays: 30 }, keep);
    const alias = new aws.kms.Alias(`${name}-key-alias`, { name: `alias/${args.keyAlias}`, targetKeyId: key.keyId }, keep);
    const bucket = privateBucket(name, this, keep);
    new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-encryption`, {
      bucket: bucket.id,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
    }, parent);
    new aws.s3.BucketLifecycleConfiguration(`${name}-lifecycle`, {
      bucket: bucket.id,
      rules: [{
        id: 'expire-old-state-versions', status: 'Enabled', filter: {},
        noncurrentVersionExpiration: { noncurrentDays: args.noncurrentVersionDays ?? 90 },
        abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
      }],
    }, parent);

    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
    this.keyArn = key.arn;
    this.keyAliasName = alias.name;
    this.registerOutputs({ bucketName: this.bucketName, keyAliasName: this.keyAliasName });
  }
}
