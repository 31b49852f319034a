import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BOT_DYNAMODB_ACTIONS, BOT_S3_ACTIONS, BOT_S3_BUCKET_ACTIONS, botTaskPolicy } from '../policies/bot-task-policy';
import { sourceFiles } from '../../test/support/source-files';

// What each DynamoDB command the bot sends needs in IAM. A command missing here fails the test, so a
// new call cannot ship without its permission (or with one it does not need).
const IAM_FOR_COMMAND: Record<string, string[]> = {
  BatchGetCommand: ['dynamodb:BatchGetItem'],
  GetCommand: ['dynamodb:GetItem'],
  PutCommand: ['dynamodb:PutItem'],
  DeleteCommand: ['dynamodb:DeleteItem'],
  UpdateCommand: ['dynamodb:UpdateItem'],
  QueryCommand: ['dynamodb:Query'],
  // A transaction is authorised item by item, by the actions its items perform.
  TransactWriteCommand: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
  DescribeTableCommand: ['dynamodb:DescribeTable'],
  // Only outside production: the embedded DynamoDB Local, and tables created for development.
  CreateTableCommand: [],
  UpdateTableCommand: [],
  UpdateTimeToLiveCommand: [],
  ListTablesCommand: [],
  // Not DynamoDB: textract:AnalyzeExpense and the S3 objects have their own statements (checked below).
  AnalyzeExpenseCommand: [],
  GetObjectCommand: [],
  PutObjectCommand: [],
  CopyObjectCommand: [],
  DeleteObjectsCommand: [],
  ListObjectsV2Command: [],
};

/** The S3 actions each S3 call needs (a copy reads the source and writes the copy; a batch delete deletes). */
const S3_FOR_COMMAND: Record<string, string[]> = {
  GetObjectCommand: ['s3:GetObject'],
  PutObjectCommand: ['s3:PutObject'],
  CopyObjectCommand: ['s3:GetObject', 's3:PutObject'],
  DeleteObjectsCommand: ['s3:DeleteObject'],
  ListObjectsV2Command: ['s3:ListBucket'],
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

test('the task role grants exactly the S3 actions the receipt images adapter calls: objects, and listing under the receipt prefixes only', () => {
  const serviceCode = sourceFiles(resolve(__dirname, '../../bot/src')).filter((file) => !file.includes('/storage/dynamodb/maintenance/'));
  const used = new Set(serviceCode.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/new (\w+Object\w*Command)\(/g)].map((m) => m[1]!)));
  expect([...used].filter((c) => !(c in S3_FOR_COMMAND))).toEqual([]);
  expect([...new Set([...used].flatMap((c) => S3_FOR_COMMAND[c]!))].sort()).toEqual([...BOT_S3_ACTIONS, ...BOT_S3_BUCKET_ACTIONS].sort());
  const statements = botTaskPolicy('arn:aws:dynamodb:eu-west-1:1:table/t', 'arn:aws:s3:::receipts').Statement;
  expect(statements.find((s) => s.Sid === 'ReceiptImages')).toEqual({ Sid: 'ReceiptImages', Effect: 'Allow', Action: [...BOT_S3_ACTIONS], Resource: 'arn:aws:s3:::receipts/*' });
  // Listing is the bucket's own action: allowed only under the two receipt prefixes.
  expect(statements.find((s) => s.Sid === 'ListReceiptImages')).toEqual({
    Sid: 'ListReceiptImages', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::receipts',
    Condition: { StringLike: { 's3:prefix': ['drafts/*', 'receipts/*'] } },
  });
});
