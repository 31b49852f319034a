import { freshTable } from '../../../../test/support/test-ledger';
import { describeLocalMailboxContract } from '../../channels/local/local-mailbox.contract';
import { createDynamoLocalMailbox } from './dynamodb-local-mailbox';

describeLocalMailboxContract('DynamoDB', async () => {
  const table = await freshTable('mailbox');
  // Two processes on one table, one with a clock running behind.
  const behind = () => new Date(Date.now() - 60_000);
  return { mailboxes: [createDynamoLocalMailbox(table, () => new Date()), createDynamoLocalMailbox(table, behind)], close: () => table.doc.destroy() };
});
