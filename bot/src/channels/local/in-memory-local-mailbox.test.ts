import { createInMemoryLocalMailbox } from './in-memory-local-mailbox';
import { describeLocalMailboxContract } from './local-mailbox.contract';

describeLocalMailboxContract('in memory', async () => {
  const mailbox = createInMemoryLocalMailbox();
  return { mailboxes: [mailbox, mailbox] };
});
