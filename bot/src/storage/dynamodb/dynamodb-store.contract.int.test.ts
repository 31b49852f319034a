import { coreOn, freshTable } from '../../../../test/support/test-ledger';
import { describeLedgerStorageContract } from '../ledger-storage.contract';

describeLedgerStorageContract('DynamoDB', async (clock) => {
  const table = await freshTable('contract');
  return { deps: coreOn(table, clock), close: () => table.doc.destroy() };
});
