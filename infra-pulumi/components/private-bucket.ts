import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

/**
 * A bucket nobody outside the account reads: owner-enforced, public access blocked, versioned,
 * TLS only. Its encryption and lifecycle differ by use and are the caller's. Children are named
 * `${name}-bucket`, `-ownership`, `-public-access`, `-versioning`, `-tls-only`.
 */
export function privateBucket(name: string, parent: pulumi.Resource, bucketOptions: pulumi.CustomResourceOptions): aws.s3.Bucket {
  const child = { parent };
  const bucket = new aws.s3.Bucket(`${name}-bucket`, { forceDestroy: false }, { ...bucketOptions, parent });
  new aws.s3.BucketOwnershipControls(`${name}-ownership`, { bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } }, child);
  new aws.s3.BucketPublicAccessBlock(`${name}-public-access`, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, child);
  new aws.s3.BucketVersioning(`${name}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } }, child);
  new aws.s3.BucketPolicy(`${name}-tls-only`, {
    bucket: bucket.id,
    policy: bucket.arn.apply((arn) => JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [arn, `${arn}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
    })),
  }, child);
  return bucket;
}
