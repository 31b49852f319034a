import { RECEIPT_PREFIXES } from '../../bot/src/receipts/s3-receipt-images';

/** The DynamoDB actions the bot's code calls (transactions are authorised per item action). */
export const BOT_DYNAMODB_ACTIONS = [
  'dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem',
  'dynamodb:DeleteItem', 'dynamodb:DescribeTable',
] as const;

/** The S3 actions the receipt images adapter calls: put, get, copy (get + put) and delete objects. */
export const BOT_S3_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'] as const;

/** Listing, only under the receipts' prefixes: forgetting a ledger finds its images by their prefix. */
export const BOT_S3_BUCKET_ACTIONS = ['s3:ListBucket'] as const;

/**
 * The task role: this table and its indexes, Textract's AnalyzeExpense (which has no resource
 * scoping), the objects of the receipts bucket, and listing its receipt prefixes (never its policy or settings).
 */
export function botTaskPolicy(tableArn: string, receiptsBucketArn: string) {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'LedgerTable', Effect: 'Allow', Action: [...BOT_DYNAMODB_ACTIONS], Resource: [tableArn, `${tableArn}/index/*`] },
      { Sid: 'ReadReceipts', Effect: 'Allow', Action: ['textract:AnalyzeExpense'], Resource: '*' },
      { Sid: 'ReceiptImages', Effect: 'Allow', Action: [...BOT_S3_ACTIONS], Resource: `${receiptsBucketArn}/*` },
      {
        Sid: 'ListReceiptImages', Effect: 'Allow', Action: [...BOT_S3_BUCKET_ACTIONS], Resource: receiptsBucketArn,
        Condition: { StringLike: { 's3:prefix': [`${RECEIPT_PREFIXES.drafts}*`, `${RECEIPT_PREFIXES.kept}*`] } },
      },
    ],
  };
}

/** The execution role reads exactly the bot's secrets, nothing else. */
export function executionSecretsPolicy(secretArns: string[]) {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'BotSecrets', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: secretArns }],
  };
}

/**
 * The DynamoDB operations the bot calls, as CloudWatch names them (the `Operation` dimension of
 * ThrottledRequests and SystemErrors): the item actions above, and the transactions built from them.
 */
export const BOT_DYNAMODB_OPERATIONS = [
  ...BOT_DYNAMODB_ACTIONS.filter((a) => a !== 'dynamodb:DescribeTable').map((a) => a.replace('dynamodb:', '')),
  'TransactWriteItems',
];

export const assumeRoleBy = (service: string) => JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
});
