import { Reply } from '../core/conversation/reply';
import { ConversationAddress, Outbound } from '../core/ports/outbound.port';
import { LocalMailbox } from './local/local-mailbox';

/** One outbound port over every channel that is on; each platform's adapter adds its own sender. */
export function createOutbound(channels: { local?: LocalMailbox }): Outbound {
  return {
    async post(to: ConversationAddress, replies: readonly Reply[]) {
      if (to.platform === 'local' && channels.local) return channels.local.put(to.conversationId, replies);
      throw new Error(`no outbound channel for ${to.platform}`);
    },
  };
}
