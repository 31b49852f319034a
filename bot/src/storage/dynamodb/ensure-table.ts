import {
  CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, UpdateTimeToLiveCommand, waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { DynamoTable } from './dynamodb-tables';
import { createTableInput, TABLE_SPEC } from './table-spec';

export type TableStatus = 'exists' | 'created';

/** Creates the table (and its TTL) when it is missing. In production that is infrastructure's job. */
export async function ensureTable(table: DynamoTable): Promise<TableStatus> {
  if (await tableExists(table)) return 'exists';
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

export async function tableExists(table: DynamoTable): Promise<boolean> {
  try {
    await table.doc.send(new DescribeTableCommand({ TableName: table.tableName }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
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
