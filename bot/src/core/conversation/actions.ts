import { Category, toCategory } from '../expenses/categories';

/**
 * Button actions are short strings (Telegram allows 64 bytes of callback data). They name an
 * expense of the presser's own ledger; the ledger always comes from the verified identity.
 */
export type Action =
  | { kind: 'undo'; ref: number }
  | { kind: 'edit'; ref: number }
  | { kind: 'changeCategory'; ref: number }
  | { kind: 'setCategory'; ref: number; category: Category };

export const actions = {
  undo: (ref: number) => `undo:${ref}`,
  edit: (ref: number) => `edit:${ref}`,
  changeCategory: (ref: number) => `cat:${ref}`,
  setCategory: (ref: number, category: Category) => `setcat:${ref}:${category}`,
};

export function parseAction(text: string): Action | undefined {
  const [kind, refText, arg] = text.split(':');
  const ref = Number(refText);
  if (!Number.isSafeInteger(ref) || ref <= 0 || !/^\d+$/.test(refText ?? '')) return undefined;
  if (kind === 'undo' && arg === undefined) return { kind: 'undo', ref };
  if (kind === 'edit' && arg === undefined) return { kind: 'edit', ref };
  if (kind === 'cat' && arg === undefined) return { kind: 'changeCategory', ref };
  const category = arg === undefined ? undefined : toCategory(arg);
  if (kind === 'setcat' && category) return { kind: 'setCategory', ref, category };
  return undefined;
}
