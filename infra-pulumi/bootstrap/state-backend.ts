import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

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
  readonly keyAliasName: pulumi.Output<string>;

  constructor(name: string, args: StateBackendArgs, opts?: pulumi.ComponentResourceOptions) {
    super('spendwise:bootstrap:StateBackend', name, {}, opts);
    const parent = { parent: this };
    const keep = { parent: this, protect: true, retainOnDelete: true };

    const key = new aws.kms.Key(`${name}-key`, { description: 'Spendwise Pulumi state and stack secrets', enableKeyRotation: true, deletionWindowInDays: 30 }, keep);
    const alias = new aws.kms.Alias(`${name}-key-alias`, { name: `alias/${args.keyAlias}`, targetKeyId: key.keyId }, keep);
    const bucket = new aws.s3.Bucket(`${name}-bucket`, { forceDestroy: false }, keep);
    new aws.s3.BucketOwnershipControls(`${name}-ownership`, { bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } }, parent);
    new aws.s3.BucketPublicAccessBlock(`${name}-public-access`, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, parent);
    new aws.s3.BucketVersioning(`${name}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } }, parent);
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
    new aws.s3.BucketPolicy(`${name}-tls-only`, {
      bucket: bucket.id,
      policy: bucket.arn.apply((arn) => JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [arn, `${arn}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
      })),
    }, parent);

    this.bucketName = bucket.bucket;
    this.keyAliasName = alias.name;
    this.registerOutputs({ bucketName: this.bucketName, keyAliasName: this.keyAliasName });
  }
}
