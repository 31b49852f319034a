import { startDynamoDbLocal } from '../../bot/src/storage/dynamodb/dynamodb-local';

/** One in-memory DynamoDB Local for the whole run; each test file makes its own table in it. */
export default async function globalSetup(): Promise<void> {
  const db = await startDynamoDbLocal();
  process.env.SPENDWISE_TEST_DYNAMODB = db.endpoint;
  (globalThis as { __dynamoDbLocal?: typeof db }).__dynamoDbLocal = db;
}
