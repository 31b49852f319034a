import { ReceiptImages } from '../receipts/receipt-store.port';
import { ForgottenPerson, PersonalData } from './personal-data.port';

export interface ForgetSummary extends ForgottenPerson {
  readonly receiptImages: 'deleted' | 'none kept';
}

/**
 * Forgets a person: the chat's `forget me` and the ops CLI's `user forget` both call this. Images
 * go first, while the table still says which are theirs: a failure part way is finished by running
 * it again, never leaves an image nobody can find.
 */
export async function forgetPerson(identityKey: string, data: PersonalData, images: ReceiptImages | undefined): Promise<ForgetSummary> {
  const places = await data.locate(identityKey);
  if (images) {
    for (const ledger of places.personalLedgers) await images.removeLedger(ledger);
    for (const draft of places.groupDrafts) await images.remove(draft.ledger, draft.receipt);
  }
  const forgotten = await data.forget(identityKey);
  return { ...forgotten, receiptImages: images ? 'deleted' : 'none kept' };
}
