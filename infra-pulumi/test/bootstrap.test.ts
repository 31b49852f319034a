import * as pulumi from '@pulumi/pulumi';
import { one, recordOptions, recordResources, settled } from './mocks';

test('state backend: versioned, SSE-KMS, private, owner-enforced, TLS-only, old versions expire; KMS key rotates; both protected', async () => {
  const resources = await recordResources({}, 'shared');
  const { StateBackend } = await import('../bootstrap/state-backend');
  const { options, transformations } = recordOptions();
  new StateBackend('state', { keyAlias: 'spendwise-pulumi-shared' }, { transformations });
  await settled(resources);
  expect(one(resources, 'aws:s3/bucketVersioning:BucketVersioning').inputs.versioningConfiguration).toEqual({ status: 'Enabled' });
  const [rule] = one(resources, 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration').inputs.rules;
  expect(rule).toMatchObject({ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: 'arn:aws:kms:eu-west-1:111111111111:state-key' }, bucketKeyEnabled: true });
  expect(one(resources, 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock').inputs).toMatchObject({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
  expect(one(resources, 'aws:s3/bucketOwnershipControls:BucketOwnershipControls').inputs.rule).toEqual({ objectOwnership: 'BucketOwnerEnforced' });
  const policy = JSON.parse(one(resources, 'aws:s3/bucketPolicy:BucketPolicy').inputs.policy);
  expect(policy.Statement[0]).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  expect(one(resources, 'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration').inputs.rules[0].noncurrentVersionExpiration).toEqual({ noncurrentDays: 90 });
  expect(one(resources, 'aws:kms/key:Key').inputs.enableKeyRotation).toBe(true);
  for (const name of ['state-bucket', 'state-key', 'state-key-alias']) {
    expect([name, options.get(name)?.protect, options.get(name)?.retainOnDelete]).toEqual([name, true, true]);
  }
  expect(resources.some((r) => r.type.startsWith('aws:dynamodb'))).toBe(false);
});

test('its outputs are the exact login and secrets-provider strings', async () => {
  const resources = await recordResources({}, 'shared');
  const program = (await import('../bootstrap/index')) as unknown as Record<string, pulumi.Output<string>>;
  await settled(resources);
  const value = (o: pulumi.Output<string>) => new Promise<string>((r) => o.apply(r));
  expect(await value(program.loginCommand!)).toBe('pulumi login s3://state-bucket');
  expect(await value(program.secretsProvider!)).toBe('awskms://alias/spendwise-pulumi-shared');
});
