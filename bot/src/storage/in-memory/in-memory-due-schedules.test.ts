import { inMemoryCore } from '../../../../test/support/in-memory-core';
import { describeDueSchedulesContract } from '../due-schedules.contract';

describeDueSchedulesContract('in memory', async (clock) => {
  const { deps, store } = inMemoryCore(clock);
  return { deps, due: store.due };
});
