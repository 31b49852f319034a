/**
 * A mistake the user can fix: what was wrong, and an example of what works.
 * Returned as a value (never thrown) so that nothing is written when one occurs.
 */
export interface UserError {
  readonly kind: 'user-error';
  readonly code: string;
  readonly message: string;
  readonly example: string;
  /** `sender`: answered to the person alone (in a group, the others need not see it). */
  readonly audience?: 'sender';
}

export function userError(code: string, message: string, example: string): UserError {
  return { kind: 'user-error', code, message, example };
}

export function isUserError(value: unknown): value is UserError {
  return typeof value === 'object' && value !== null && (value as UserError).kind === 'user-error';
}
