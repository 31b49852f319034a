import { freshTable } from '../../../../test/support/test-ledger';
import { describePendingLinesContract } from '../pending-lines.contract';
import { createDynamoPendingLines } from './dynamodb-pending-lines';

describePendingLinesContract('DynamoDB', async (now) => {
  const table = await freshTable('pending');
  return { lines: createDynamoPendingLines(table, now), close: () => table.doc.destroy() };
});
