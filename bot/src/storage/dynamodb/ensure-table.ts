import {
  CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, TableDescription, UpdateTableCommand, UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { DynamoTable } from './dynamodb-tables';
import { createTableInput, globalIndexInput, TABLE_SPEC } from './table-spec';

export type TableStatus = 'exists' | 'created' | 'upgraded';

/**
 * Creates the table (and its TTL) when it is missing, and adds a global index a table from an older
 * version lacks. In production both are infrastructure's job; this is for laptops and tests.
 */
export async function ensureTable(table: DynamoTable): Promise<TableStatus> {
  const existing = await describe(table);
  if (existing) return (await addMissingIndexes(table, existing)) ? 'upgraded' : 'exists';
  try {
    await table.doc.send(new CreateTableCommand(createTableInput(table.tableName)));
  } catch (error) {
    if ((error as Error).name !== 'ResourceInUseException') throw error;
  }
  await waitUntilTableExists({ client: table.doc, maxWaitTime: 60 }, { TableName: table.tableName });
  await table.doc.send(new UpdateTimeToLiveCommand({
    TableName: table.tableName,
    TimeToLiveSpecification: { AttributeName: TABLE_SPEC.ttlAttribute, Enabled: true },
  }));
  return 'created';
}

async function addMissingIndexes(table: DynamoTable, description: TableDescription): Promise<boolean> {
  const present = new Set((description.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  const missing = TABLE_SPEC.globalIndexes.filter((i) => !present.has(i.name));
  for (const index of missing) {
    await table.doc.send(new UpdateTableCommand({
      TableName: table.tableName,
      AttributeDefinitions: [index.partitionKey, index.sortKey].map((a) => ({ AttributeName: a, AttributeType: 'S' as const })),
      GlobalSecondaryIndexUpdates: [{ Create: globalIndexInput(index) }],
    }));
  }
  return missing.length > 0;
}

async function describe(table: DynamoTable): Promise<TableDescription | undefined> {
  try {
    return (await table.doc.send(new DescribeTableCommand({ TableName: table.tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

export async function tableExists(table: DynamoTable): Promise<boolean> {
  return (await describe(table)) !== undefined;
}

/** Readiness: the table answers within a second and a half, with no retries. */
export async function tableAnswers(table: DynamoTable): Promise<boolean> {
  try {
    await table.doc.send(new DescribeTableCommand({ TableName: table.tableName }), { abortSignal: AbortSignal.timeout(1_500) });
    return true;
  } catch {
    return false;
  }
}
