import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './dynamodb-local';
import { createDynamoTable } from './dynamodb-tables';
import { ensureTable } from './ensure-table';
import { createTableInput, TABLE_SPEC } from './table-spec';
import { testEndpoint } from '../../../../test/support/test-ledger';

test('a table made by an older version gets the listing index it lacks; a current one is left as it is', async () => {
  const table = createDynamoTable(`old-${randomUUID().slice(0, 8)}`, { endpoint: testEndpoint(), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    const { GlobalSecondaryIndexes: _none, ...older } = createTableInput(table.tableName);
    older.AttributeDefinitions = older.AttributeDefinitions.filter((a) => !['kindKey', 'kindSort'].includes(a.AttributeName));
    await table.doc.send(new CreateTableCommand(older));
    expect(await ensureTable(table)).toBe('upgraded');
    const { Table } = await table.doc.send(new DescribeTableCommand({ TableName: table.tableName }));
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(TABLE_SPEC.globalIndexes.map((i) => i.name));
    expect(await ensureTable(table)).toBe('exists');
  } finally {
    table.doc.destroy();
  }
});
