import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

// Its own project because a backend cannot hold its own state: run once with `pulumi login --local`.
// Pulumi's S3 backend locks with files in the bucket, so there is no DynamoDB lock table.
const stack = pulumi.getStack();
const keep = { protect: true, retainOnDelete: true };

const key = new aws.kms.Key('state-key', { description: 'Spendwise Pulumi state and stack secrets', enableKeyRotation: true, deletionWindowInDays: 30 }, keep);
const alias = new aws.kms.Alias('state-key-alias', { name: `alias/spendwise-pulumi-${stack}`, targetKeyId: key.keyId }, keep);

const bucket = new aws.s3.Bucket('state', { forceDestroy: false }, keep);
new aws.s3.BucketOwnershipControls('state-ownership', { bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
new aws.s3.BucketPublicAccessBlock('state-public-access', { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
new aws.s3.BucketVersioning('state-versioning', { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });
new aws.s3.BucketServerSideEncryptionConfiguration('state-encryption', {
  bucket: bucket.id,
  rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
});
new aws.s3.BucketLifecycleConfiguration('state-lifecycle', {
  bucket: bucket.id,
  rules: [{ id: 'expire-old-state-versions', status: 'Enabled', filter: {}, noncurrentVersionExpiration: { noncurrentDays: 90 }, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }],
});
new aws.s3.BucketPolicy('state-tls-only', {
  bucket: bucket.id,
  policy: bucket.arn.apply((arn) => JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [arn, `${arn}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
  })),
});

export const backendUrl = pulumi.interpolate`s3://${bucket.bucket}`;
export const loginCommand = pulumi.interpolate`pulumi login s3://${bucket.bucket}`;
export const secretsProvider = pulumi.interpolate`awskms://${alias.name}`;
export const stackInitExample = pulumi.interpolate`pulumi stack init prod --secrets-provider awskms://${alias.name}`;
