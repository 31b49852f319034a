import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BOT_DYNAMODB_ACTIONS } from '../policies/bot-task-policy';
import { sourceFiles } from '../../test/support/source-files';

// What each DynamoDB command the bot sends needs in IAM. A command missing here fails the test, so a
// new call cannot ship without its permission (or with one it does not need).
const IAM_FOR_COMMAND: Record<string, string[]> = {
  BatchGetCommand: ['dynamodb:BatchGetItem'],
  GetCommand: ['dynamodb:GetItem'],
  PutCommand: ['dynamodb:PutItem'],
  DeleteCommand: ['dynamodb:DeleteItem'],
  QueryCommand: ['dynamodb:Query'],
  // A transaction is authorised item by item, by the actions its items perform.
  TransactWriteCommand: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
  DescribeTableCommand: ['dynamodb:DescribeTable'],
  // Only outside production: the embedded DynamoDB Local, and tables created for development.
  CreateTableCommand: [],
  UpdateTableCommand: [],
  UpdateTimeToLiveCommand: [],
  ListTablesCommand: [],
  // Not DynamoDB: textract:AnalyzeExpense has its own statement in the task policy.
  AnalyzeExpenseCommand: [],
};


test('the task role grants exactly the DynamoDB actions the bot’s code calls', () => {
  // Operator tools (storage/dynamodb/maintenance) run with the operator's credentials, never as the task.
  const serviceCode = sourceFiles(resolve(__dirname, '../../bot/src')).filter((file) => !file.includes('/storage/dynamodb/maintenance/'));
  const used = new Set(serviceCode.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/new (\w+Command)\(/g)].map((m) => m[1]!)));
  const unmapped = [...used].filter((c) => !(c in IAM_FOR_COMMAND));
  expect(unmapped).toEqual([]);
  const needed = new Set([...used].flatMap((c) => IAM_FOR_COMMAND[c]!));
  expect([...needed].sort()).toEqual([...BOT_DYNAMODB_ACTIONS].sort());
});
