import { coreOn, freshTable } from '../../../../test/support/test-ledger';
import { describeDueSchedulesContract } from '../due-schedules.contract';
import { createDynamoDueSchedules } from './dynamodb-due-schedules';

describeDueSchedulesContract('DynamoDB', async (clock) => {
  const table = await freshTable('due');
  return { deps: coreOn(table, clock), due: createDynamoDueSchedules(table), close: () => table.doc.destroy() };
});
