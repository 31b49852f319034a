import { describeReceiptDraftsContract } from '../receipt-drafts.contract';
import { createInMemoryReceiptDrafts } from './in-memory-store';

describeReceiptDraftsContract('in memory', async (now) => ({ drafts: createInMemoryReceiptDrafts(now) }));
