import { describeFileSpoolContract } from '../file-spool.contract';
import { createInMemorySpool } from './in-memory-spool';

describeFileSpoolContract('in memory', async () => {
  const spool = createInMemorySpool();
  return { spool, held: async () => spool.held };
});
