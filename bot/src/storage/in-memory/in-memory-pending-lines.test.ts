import { describePendingLinesContract } from '../pending-lines.contract';
import { createInMemoryPendingLines } from './in-memory-store';

describePendingLinesContract('in memory', async (now) => ({ lines: createInMemoryPendingLines(now) }));
