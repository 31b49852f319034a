import { releaseFiles, Reply } from '../core/conversation/reply';
import { ConversationAddress, Outbound } from '../core/ports/outbound.port';
import { LocalMailbox } from './local/local-mailbox';

export interface ChannelSender {
  post(to: ConversationAddress, replies: readonly Reply[]): Promise<void>;
}

/** One outbound port over every channel that is on: the address's platform picks the sender. */
export function createOutbound(channels: { local?: LocalMailbox; telegram?: ChannelSender; slack?: ChannelSender }): Outbound {
  return {
    async post(to: ConversationAddress, replies: readonly Reply[]) {
      try {
        if (to.platform === 'local' && channels.local) return await channels.local.put(to.conversationId, replies);
        if (to.platform === 'telegram' && channels.telegram) return await channels.telegram.post(to, replies);
        if (to.platform === 'slack' && channels.slack) return await channels.slack.post(to, replies);
        throw new Error(`no outbound channel for ${to.platform}`);
      } finally {
        // Posted or not, a spooled file is not needed any more.
        await releaseFiles(replies);
      }
    },
  };
}
