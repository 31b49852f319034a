import { one, recordOptions, recordResources, settled } from './mocks';
import { RECEIPT_PREFIXES } from '../../bot/src/receipts/s3-receipt-images';

test('the receipts bucket: private, encrypted, versioned, TLS-only; drafts expire, old versions after 30 days; protected', async () => {
  const resources = await recordResources();
  const { ReceiptsBucket } = await import('../components/receipts-bucket');
  const { options, transformations } = recordOptions();
  new ReceiptsBucket('receipts', {}, { transformations });
  await settled(resources);
  expect(options.get('receipts-bucket')?.protect).toBe(true);
  expect(one(resources, 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock').inputs).toMatchObject({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
  expect(one(resources, 'aws:s3/bucketVersioning:BucketVersioning').inputs.versioningConfiguration).toEqual({ status: 'Enabled' });
  expect(one(resources, 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration').inputs.rules[0].applyServerSideEncryptionByDefault).toEqual({ sseAlgorithm: 'AES256' });
  const rules = one(resources, 'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration').inputs.rules;
  // The prefix the rule expires is the one the bot writes drafts under.
  expect(rules.find((r: { id: string }) => r.id === 'expire-unconfirmed-drafts')).toMatchObject({ filter: { prefix: RECEIPT_PREFIXES.drafts }, expiration: { days: 8 } });
  expect(rules.find((r: { id: string }) => r.id === 'expire-old-versions')).toMatchObject({ noncurrentVersionExpiration: { noncurrentDays: 30 } });
  const policy = JSON.parse(one(resources, 'aws:s3/bucketPolicy:BucketPolicy').inputs.policy);
  expect(policy.Statement[0]).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
});
