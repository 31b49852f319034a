/**
 * Who a ledger belongs to, as operators see it: "local:<user>", "slack:<team>:<user or channel>",
 * "telegram:<chat id>". Only channel adapters build these, from identities the platform verified.
 */
export type LedgerId = string & { readonly __brand: 'LedgerId' };

const LOCAL_USER = /^[A-Za-z0-9_.-]{1,64}$/;

export function localLedgerId(user: string): LedgerId | undefined {
  return LOCAL_USER.test(user) ? (`local:${user}` as LedgerId) : undefined;
}
