import { randomBytes } from 'node:crypto';

/**
 * A ledger's id: opaque and stable, never a platform id. The directory maps conversations
 * (a person's private chats, a group or channel) to ledgers.
 */
export type LedgerId = string & { readonly __brand: 'LedgerId' };

/** A person within one ledger. Events name people only by this, so forgetting never rewrites them. */
export type MemberId = string & { readonly __brand: 'MemberId' };

/** A person's own ledger, or one a group or channel shares. */
export type LedgerScope = 'personal' | 'group';

const LEDGER_ID = /^lg_[a-z0-9]{20}$/;
const MEMBER_ID = /^mb_[a-z0-9]{16}$/;

const randomId = (bytes: number) => randomBytes(bytes).toString('hex').slice(0, bytes * 2);

export const newLedgerId = (): LedgerId => `lg_${randomId(10)}` as LedgerId;
export const newMemberId = (): MemberId => `mb_${randomId(8)}` as MemberId;

export const isLedgerId = (text: string): text is LedgerId => LEDGER_ID.test(text);
export const isMemberId = (text: string): text is MemberId => MEMBER_ID.test(text);
