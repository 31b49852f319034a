import { one, recordOptions, recordResources, settled } from './mocks';
import { createTableInput, TABLE_SPEC } from '../../bot/src/storage/dynamodb/table-spec';

test('the table: the bot’s own keys, index and TTL; on-demand, PITR, SSE, deletion protection', async () => {
  const resources = await recordResources();
  const { DataTable } = await import('../components/data-table');
  const { options, transformations } = recordOptions();
  new DataTable('data', { tableName: 'spendwise-dev' }, { transformations });
  await settled(resources);
  expect(options.get('data-table')?.protect).toBe(true);
  const table = one(resources, 'aws:dynamodb/table:Table').inputs;
  const local = createTableInput('spendwise-dev');
  expect(table).toMatchObject({
    name: 'spendwise-dev',
    billingMode: 'PAY_PER_REQUEST',
    hashKey: local.KeySchema[0]!.AttributeName,
    rangeKey: local.KeySchema[1]!.AttributeName,
    ttl: { attributeName: TABLE_SPEC.ttlAttribute, enabled: true },
    pointInTimeRecovery: { enabled: true },
    serverSideEncryption: { enabled: true },
    deletionProtectionEnabled: true,
  });
  expect(table.attributes).toEqual(local.AttributeDefinitions.map((a) => ({ name: a.AttributeName, type: a.AttributeType })));
  expect(table.localSecondaryIndexes).toEqual(local.LocalSecondaryIndexes.map((i) => ({ name: i.IndexName, rangeKey: i.KeySchema[1]!.AttributeName, projectionType: 'ALL' })));
  // The sparse listing index the bot creates locally is the one the stack creates.
  expect(table.globalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes.map((i) => ({
    name: i.IndexName, hashKey: i.KeySchema[0]!.AttributeName, rangeKey: i.KeySchema[1]!.AttributeName, projectionType: i.Projection.ProjectionType,
  })));
});
