import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { plainText } from '../../core/conversation/formatted-text';
import { Conversation } from '../../core/conversation/inbound-message';
import { releaseFiles, Reply } from '../../core/conversation/reply';
import { toSlackMessages, toSlackModal } from './slack-render';
import { uploadToSlack } from './slack-upload';

/** Where replies go: back through the interaction's response_url, or posted to a channel. */
export type SlackTarget = {
  readonly conversation: Conversation;
  /** The person acting: ephemeral answers and their DM. */
  readonly userId: string;
  /** For views.open, when the answer is a form (valid about 3 seconds). */
  readonly triggerId?: string;
} & (
  | { readonly via: 'respond'; readonly respond: RespondFn }
  | { readonly via: 'channel'; readonly channel: string; readonly threadTs?: string }
  /** The person's DM with the bot (opened when needed): App Home buttons, submitted modals, talking later. */
  | { readonly via: 'dm' }
);

export interface SlackLog {
  warn(details: object, message: string): void;
}

/**
 * Sends the core's replies the Slack way: a form opens a modal; files go to the person's DM (their
 * own ledger) or the channel (its ledger), with a line where the command was typed; a reply to a
 * press replaces the pressed message; a sender-only reply is ephemeral. Web API failures are logged
 * with the delivery's correlation id and never thrown.
 */
/** Web API errors that say the bot will never reach this conversation again (removed, archived, the person gone). */
const GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'user_disabled', 'user_not_found', 'team_access_not_granted', 'cannot_dm_bot']);

export async function deliverSlackReplies(client: WebClient, target: SlackTarget, replies: readonly Reply[], log: SlackLog, correlationId: string, onGone?: () => void): Promise<void> {
  try {
    await deliver(client, target, replies, log, correlationId, onGone);
  } finally {
    await releaseFiles(replies);
  }
}

async function deliver(client: WebClient, target: SlackTarget, replies: readonly Reply[], log: SlackLog, correlationId: string, onGone?: () => void): Promise<void> {
  const attempt = async <T>(method: string, call: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await call();
    } catch (error) {
      const e = error as { code?: string; data?: { error?: string }; message?: string };
      if (GONE.has(e.data?.error ?? '')) onGone?.();
      log.warn({ correlationId, method, code: e.code, error: e.data?.error ?? e.message }, 'slack: Web API call failed');
      return undefined;
    }
  };
  const isGroup = target.conversation.kind === 'group';
  let dm: string | undefined;
  const dmChannel = async () => (dm ??= (await attempt('conversations.open', () => client.conversations.open({ users: target.userId })))?.channel?.id);
  const channelOf = async () => (target.via === 'channel' ? target.channel : target.via === 'dm' || !isGroup ? dmChannel() : target.conversation.id);

  for (const reply of replies) {
    if (reply.form && target.triggerId) {
      const opened = await attempt('views.open', () => client.views.open({ trigger_id: target.triggerId!, view: toSlackModal(reply.form!, target.conversation) }));
      if (opened) continue;
    }
    const attachment = reply.file ?? reply.image;
    if (attachment) {
      const channel = isGroup ? await channelOf() : await dmChannel();
      if (!channel) continue;
      const uploaded = await attempt('files.upload', () => uploadToSlack(client, attachment, { channel_id: channel, initial_comment: plainText(reply.text) }));
      if (uploaded && target.via === 'respond' && !isGroup) {
        await attempt('respond', () => target.respond({ response_type: 'ephemeral', replace_original: false, text: `📎 Sent ${attachment.name} to your direct messages with me.` }));
      }
      continue;
    }
    // A long reply goes as several messages Slack accepts; the buttons ride on the last.
    for (const message of toSlackMessages(reply, target.conversation.kind)) {
      const body = { text: message.text, blocks: message.blocks };
      if (target.via === 'respond') {
        const onlyForSender = !isGroup || message.ephemeral;
        await attempt('respond', () => target.respond({
          ...body,
          response_type: onlyForSender ? 'ephemeral' : 'in_channel',
          replace_original: Boolean(message.replace_original),
        }));
        continue;
      }
      const channel = await channelOf();
      if (!channel) break;
      if (isGroup && message.ephemeral) await attempt('chat.postEphemeral', () => client.chat.postEphemeral({ channel, user: target.userId, ...body }));
      else {
        const thread = target.via === 'channel' && target.threadTs ? { thread_ts: target.threadTs } : {};
        await attempt('chat.postMessage', () => client.chat.postMessage({ channel, ...thread, ...body }));
      }
    }
  }
}
