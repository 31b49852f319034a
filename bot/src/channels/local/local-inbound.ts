import { Conversation, InboundMessage, MessageContent } from '../../core/conversation/inbound-message';

/** The local chat's own ids: a person's chat and a named group cannot be mistaken for each other. */
export const localConversation = (user: string, group?: string): Conversation =>
  group ? { id: `g:${group}`, kind: 'group' } : { id: `u:${user}`, kind: 'private' };

export interface LocalRequest {
  readonly user: string;
  readonly group?: string;
  readonly content: MessageContent;
  readonly id: string;
  readonly timeZone?: string;
  readonly locale?: string;
}

/** The local chat trusts its loopback caller's name: it is for one machine, never production. */
export function localInbound(request: LocalRequest, receivedAt: Date): InboundMessage {
  return {
    sender: { platform: 'local', userId: request.user, displayName: request.user },
    conversation: localConversation(request.user, request.group),
    content: request.content,
    hints: {
      ...(request.timeZone ? { timeZone: request.timeZone } : {}),
      ...(request.locale ? { locale: request.locale } : {}),
    },
    idempotencyKey: `local:${request.id}`,
    receivedAt,
  };
}
