import { createHash } from 'node:crypto';
import { Category, toCategory } from '../expenses/categories';
import { MAX_LINES } from './input-size';

/**
 * Button actions are short opaque strings: Telegram allows 64 bytes of callback data, whatever the
 * alphabet. They name an expense of the ledger the press resolves to; the ledger always comes from
 * the verified identity and conversation, never from the action.
 */
export type Action =
  | { kind: 'undo'; ref: number }
  | { kind: 'edit'; ref: number }
  | { kind: 'changeCategory'; ref: number }
  | { kind: 'setCategory'; ref: number; category: CategoryToken }
  | { kind: 'editForm'; ref: number }
  | { kind: 'setTimeZone'; timeZone: string }
  /** A button that says a command for the person (the dashboard's Report and Export). */
  | { kind: 'say'; text: string }
  | { kind: 'receipt'; step: 'confirm' | 'edit' | 'discard' | 'form'; receipt: string }
  /** A question about a line: record reading `choice`, or none. */
  | { kind: 'pendingLine'; id: string; choice: number | 'none' }
  /** "Undo all" under a message of several expenses: refs `first` to `last`. */
  | { kind: 'undoAll'; first: number; last: number };

/** A category written out when it fits, or its digest (matched against the ledger's categories). */
export type CategoryToken = { readonly name: Category } | { readonly digest: string };

export const MAX_ACTION_BYTES = 64;

const categoryDigest = (category: Category) => createHash('sha256').update(category).digest('base64url').slice(0, 11);

export const actions = {
  undo: (ref: number) => `undo:${ref}`,
  edit: (ref: number) => `edit:${ref}`,
  changeCategory: (ref: number) => `cat:${ref}`,
  editForm: (ref: number) => `editform:${ref}`,
  /** IANA names are at most about 30 bytes, so this always fits. */
  setTimeZone: (timeZone: string) => `tz:${timeZone}`,
  receipt: (step: 'confirm' | 'edit' | 'discard' | 'form', receipt: string) => `rcpt:${step}:${receipt}`,
  pendingChoice: (id: string, choice: number) => `line:${id}:${choice}`,
  pendingNone: (id: string) => `line:${id}:x`,
  undoAll: (first: number, last: number) => `undoall:${first}-${last}`,
  say: (text: string) => {
    const action = `say:${text}`;
    // Its size only: the text may be the person's words, and this message ends up in the logs.
    if (Buffer.byteLength(action) > MAX_ACTION_BYTES) throw new Error(`a say action over ${MAX_ACTION_BYTES} bytes: ${Buffer.byteLength(action)}`);
    return action;
  },
  setCategory(ref: number, category: Category): string {
    const plain = `setcat:${ref}:${category}`;
    return Buffer.byteLength(plain) <= MAX_ACTION_BYTES ? plain : `setcat:${ref}:~${categoryDigest(category)}`;
  },
};

/** The category among `candidates` that a token names. */
export function categoryFromToken(token: CategoryToken, candidates: readonly Category[]): Category | undefined {
  if ('name' in token) return token.name;
  return candidates.find((c) => categoryDigest(c) === token.digest);
}

export function parseAction(text: string): Action | undefined {
  const pending = /^line:([A-Za-z0-9_-]{12}):(\d{1,2}|x)$/.exec(text);
  if (pending) return { kind: 'pendingLine', id: pending[1]!, choice: pending[2] === 'x' ? 'none' : Number(pending[2]) };
  const undoAll = /^undoall:(\d{1,9})-(\d{1,9})$/.exec(text);
  if (undoAll) {
    const [first, last] = [Number(undoAll[1]), Number(undoAll[2])];
    return first >= 1 && first <= last && last - first < MAX_LINES ? { kind: 'undoAll', first, last } : undefined;
  }
  const receipt = /^rcpt:(confirm|edit|discard|form):([A-Za-z0-9_-]{16})$/.exec(text);
  if (receipt) return { kind: 'receipt', step: receipt[1] as 'confirm', receipt: receipt[2]! };
  if (text.startsWith('say:')) return text.length > 4 ? { kind: 'say', text: text.slice(4) } : undefined;
  if (text.startsWith('tz:')) {
    const timeZone = text.slice(3);
    return /^[A-Za-z0-9_+\-/]{1,60}$/.test(timeZone) ? { kind: 'setTimeZone', timeZone } : undefined;
  }
  const [kind, refText, ...rest] = text.split(':');
  if (!/^\d{1,9}$/.test(refText ?? '')) return undefined;
  const ref = Number(refText);
  if (ref <= 0) return undefined;
  const arg = rest.length ? rest.join(':') : undefined;
  if (arg === undefined) {
    if (kind === 'undo') return { kind: 'undo', ref };
    if (kind === 'edit') return { kind: 'edit', ref };
    if (kind === 'cat') return { kind: 'changeCategory', ref };
    if (kind === 'editform') return { kind: 'editForm', ref };
    return undefined;
  }
  if (kind !== 'setcat') return undefined;
  if (/^~[A-Za-z0-9_-]{11}$/.test(arg)) return { kind: 'setCategory', ref, category: { digest: arg.slice(1) } };
  const name = toCategory(arg);
  return name ? { kind: 'setCategory', ref, category: { name } } : undefined;
}
