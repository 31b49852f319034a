import { freshTable } from '../../../../test/support/test-ledger';
import { describeReceiptDraftsContract } from '../receipt-drafts.contract';
import { createDynamoReceiptDrafts } from './dynamodb-receipt-drafts';

describeReceiptDraftsContract('DynamoDB', async (now) => {
  const table = await freshTable('drafts');
  return { drafts: createDynamoReceiptDrafts(table, now), close: () => table.doc.destroy() };
});
