import * as pulumi from '@pulumi/pulumi';
import { one, recordResources, settled } from './mocks';

test('state backend: versioned, SSE-KMS, private, owner-enforced, TLS-only, old versions expire; KMS key rotates', async () => {
  const resources = await recordResources({}, 'shared');
  const program: Record<string, pulumi.Output<string>> = await import('../bootstrap/index');
  await settled(resources);
  expect(one(resources, 'aws:s3/bucketVersioning:BucketVersioning').inputs.versioningConfiguration).toEqual({ status: 'Enabled' });
  const [rule] = one(resources, 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration').inputs.rules;
  expect(rule).toMatchObject({ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' }, bucketKeyEnabled: true });
  expect(one(resources, 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock').inputs).toMatchObject({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
  expect(one(resources, 'aws:s3/bucketOwnershipControls:BucketOwnershipControls').inputs.rule).toEqual({ objectOwnership: 'BucketOwnerEnforced' });
  const policy = JSON.parse(one(resources, 'aws:s3/bucketPolicy:BucketPolicy').inputs.policy);
  expect(policy.Statement[0]).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  expect(one(resources, 'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration').inputs.rules[0].noncurrentVersionExpiration).toEqual({ noncurrentDays: 90 });
  expect(one(resources, 'aws:kms/key:Key').inputs.enableKeyRotation).toBe(true);
  const value = (o: pulumi.Output<string>) => new Promise<string>((r) => o.apply(r));
  expect(await value(program.loginCommand!)).toMatch(/^pulumi login s3:\/\/.+/);
  expect(await value(program.secretsProvider!)).toBe('awskms://alias/spendwise-pulumi-shared');
  expect(resources.some((r) => r.type.startsWith('aws:dynamodb'))).toBe(false);
});
