import { describeWriteCountersContract } from '../write-counters.contract';
import { createInMemoryWriteCounters } from './in-memory-write-counters';

describeWriteCountersContract('in memory', async () => ({ counters: createInMemoryWriteCounters() }));
