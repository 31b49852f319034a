import * as pulumi from '@pulumi/pulumi';
import { recordResources } from './mocks';

test('stack configuration is checked: a bad value fails with its key named', async () => {
  await recordResources({ 'spendwise:azCount': '1', 'spendwise:minTasks': '1', 'spendwise:logRetentionDays': '13', 'spendwise:image': 'repo/spendwise' });
  const { readSettings } = await import('../config');
  expect(() => readSettings(new pulumi.Config('spendwise'))).toThrow(/azCount must be 2 to 6; minTasks must be at least 2; logRetentionDays must be one of .*; image must name a tag or a digest/);
});

test('defaults are the safe ones', async () => {
  await recordResources();
  const { readSettings } = await import('../config');
  expect(readSettings(new pulumi.Config('spendwise'))).toMatchObject({ azCount: 2, natStrategy: 'single', minTasks: 2, deletionProtection: true, containerPort: 3000, tableName: 'spendwise-dev' });
});
