import { randomUUID } from 'node:crypto';
import { CoreDeps } from '../../bot/src/core/core-deps';
import { plainText } from '../../bot/src/core/conversation/formatted-text';
import { handleMessage } from '../../bot/src/core/conversation/handle-message';
import { conversationKey, identityKey, InboundMessage, MessageContent, Platform, PlatformHints } from '../../bot/src/core/conversation/inbound-message';
import { Reply } from '../../bot/src/core/conversation/reply';

export interface ChatOptions {
  readonly platform?: Platform;
  readonly workspace?: string;
  /** Talk in this group chat instead of the person's private chat. */
  readonly group?: string;
  /** The workspace the group belongs to, when not the sender's (Slack Connect). */
  readonly groupWorkspace?: string;
  readonly hints?: PlatformHints;
  readonly displayName?: string;
}

/** A message as an adapter would build it, from a person in a private chat or a group. */
export function inbound(user: string, content: MessageContent, options: ChatOptions & { key?: string; at?: Date } = {}): InboundMessage {
  return {
    sender: {
      platform: options.platform ?? 'local',
      ...(options.workspace ? { workspace: options.workspace } : {}),
      userId: user,
      displayName: options.displayName ?? user,
    },
    conversation: options.group
      ? { id: options.group, kind: 'group', ...(options.groupWorkspace ? { workspace: options.groupWorkspace } : {}) }
      : { id: user, kind: 'private' },
    content,
    hints: options.hints ?? {},
    idempotencyKey: options.key ?? randomUUID(),
    receivedAt: options.at ?? new Date(),
  };
}

export const textOf = (replies: readonly Reply[]) => replies.map((r) => plainText(r.text)).join('\n');

/** Talks to the core as `user`; `say` and `press` return the replies' plain text joined. */
export function chat(deps: CoreDeps, user: string, options: ChatOptions = {}) {
  const send = (content: MessageContent, key?: string) => handleMessage(inbound(user, content, { ...options, ...(key ? { key } : {}) }), deps);
  return {
    send,
    sendText: (text: string, key?: string) => send({ kind: 'text', text }, key),
    say: async (text: string, key?: string) => textOf(await send({ kind: 'text', text }, key)),
    press: async (action: string, key?: string) => textOf(await send({ kind: 'press', action }, key)),
    submit: (action: string, values: Record<string, string>) => send({ kind: 'form', action, values }),
  };
}

/** A reply's choices as one flat list. */
export const choicesOf = (reply: Reply | undefined) => reply?.choices?.flat() ?? [];

/** The ledger the directory gave this person's private chat (or the group, with `group`). */
export async function ledgerOf(deps: CoreDeps, user: string, options: ChatOptions = {}) {
  const message = inbound(user, { kind: 'text', text: '' }, options);
  const found = await deps.directory.find(conversationKey(message), identityKey(message.sender));
  if (!found.ledger) throw new Error(`${user} has no ledger yet`);
  return { ledger: found.ledger.id, scope: found.ledger.scope, member: found.member };
}
