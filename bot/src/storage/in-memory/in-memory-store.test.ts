import { inMemoryCore } from '../../../../test/support/in-memory-core';
import { describeLedgerStorageContract } from '../ledger-storage.contract';

describeLedgerStorageContract('in memory', async (clock) => ({ deps: inMemoryCore(clock).deps }));
