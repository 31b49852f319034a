/**
 * Expected operational failures: nothing the user did wrong, nothing to fix in the code. Each has a
 * stable code; the conversation answers them with "try again", adapters and ops map them by code.
 */
export abstract class OperationalError extends Error {
  // service.busy: a channel refused a message before any of it was done (see work-after-ack.ts).
  abstract readonly code: 'storage.unavailable' | 'ledger.busy' | 'receipts.unavailable' | 'service.busy';
}

/** Thrown by storage adapters when the database cannot be reached. */
export class StorageUnavailableError extends OperationalError {
  override readonly name = 'StorageUnavailableError';
  readonly code = 'storage.unavailable' as const;
}

/** Other writers kept winning the race for one ledger for longer than a person should wait. */
export class LedgerBusyError extends OperationalError {
  override readonly name = 'LedgerBusyError';
  readonly code = 'ledger.busy' as const;
}

/** The receipt reader (Textract) stayed busy or out of reach: nothing was recorded, try again later. */
export class ReceiptReaderUnavailableError extends OperationalError {
  override readonly name = 'ReceiptReaderUnavailableError';
  readonly code = 'receipts.unavailable' as const;
}
