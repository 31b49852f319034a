import { z } from 'zod';
import { InboundFile, InboundMessage, MessageContent, PlatformHints, Sender } from '../../core/conversation/inbound-message';
import { conversationKindOfBlock, slackModalOrigin, SLACK_FORM_CALLBACK_ID } from './slack-render';

/**
 * Slack payloads (slash commands, Events API envelopes, interactions) into the core's normalised
 * message. Bolt has verified the signature; identities come only from these fields, never from text.
 */
const slashCommand = z.object({
  team_id: z.string(),
  user_id: z.string(),
  user_name: z.string().optional(),
  channel_id: z.string(),
  text: z.string(),
  trigger_id: z.string(),
});

const slackFile = z.object({
  id: z.string(), name: z.string().optional(), mimetype: z.string().optional(), size: z.number().optional(),
  url_private_download: z.string().url().optional(),
});

const messageEvent = z.object({
  type: z.enum(['message', 'app_mention']),
  user: z.string().optional(),
  text: z.string().optional(),
  channel: z.string(),
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  ts: z.string().optional(),
  thread_ts: z.string().optional(),
  parent_user_id: z.string().optional(),
  team: z.string().optional(),
  user_team: z.string().optional(),
  files: z.array(slackFile).optional(),
});
const envelope = z.object({ team_id: z.string(), event_id: z.string() });

const blockActions = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string(), name: z.string().optional(), username: z.string().optional(), team_id: z.string().optional() }),
  team: z.object({ id: z.string() }).nullable().optional(),
  channel: z.object({ id: z.string() }).optional(),
  container: z.object({ type: z.string(), message_ts: z.string().optional(), channel_id: z.string().optional() }).optional(),
  trigger_id: z.string(),
  actions: z.array(z.object({
    block_id: z.string(),
    value: z.string().optional(),
    selected_option: z.object({ value: z.string() }).optional(),
    action_ts: z.string().optional(),
  })).min(1),
});

const viewSubmission = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id: z.string(), name: z.string().optional(), username: z.string().optional(), team_id: z.string().optional() }),
  team: z.object({ id: z.string() }).nullable().optional(),
  trigger_id: z.string(),
  view: z.object({
    callback_id: z.string(),
    private_metadata: z.string(),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullable().optional() }))) }),
  }),
});

type SenderParts = { team: string; user: string; name?: string | undefined };
const sender = ({ team, user, name }: SenderParts): Sender => ({ platform: 'slack', workspace: team, userId: user, displayName: name ?? user });

function message(from: Sender, conversation: InboundMessage['conversation'], content: MessageContent, key: string, receivedAt: Date, moreHints?: () => Promise<PlatformHints>): InboundMessage {
  return { sender: from, conversation, content, hints: {}, ...(moreHints ? { moreHints } : {}), idempotencyKey: key, receivedAt };
}

export type HintsOf = (team: string, user: string) => () => Promise<PlatformHints>;

/** `/spend …`: personal wherever it is typed (DECISIONS), keyed by its trigger_id. */
export function fromSlashCommand(raw: unknown, receivedAt: Date, hintsOf: HintsOf): InboundMessage | undefined {
  const parsed = slashCommand.safeParse(raw);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  return message(
    sender({ team: c.team_id, user: c.user_id, name: c.user_name }),
    { id: c.user_id, kind: 'private' },
    { kind: 'text', text: c.text },
    `slack:command:${c.trigger_id}`,
    receivedAt,
    hintsOf(c.team_id, c.user_id),
  );
}

/**
 * A direct message (personal) or a mention in a channel (the channel's ledger). Messages from bots,
 * edits and other subtypes are not for the core. The mention of the bot is taken out of the text.
 */
/** Fetches a file Slack keeps private, from the address Slack's event gave (never one built from config). */
export type SlackDownload = (url: string) => Promise<Uint8Array>;

export function fromMessageEvent(
  rawEnvelope: unknown, rawEvent: unknown, botUserId: string | undefined, receivedAt: Date, hintsOf: HintsOf, download?: SlackDownload,
): InboundMessage | undefined {
  const env = envelope.safeParse(rawEnvelope);
  const parsed = messageEvent.safeParse(rawEvent);
  if (!env.success || !parsed.success) return undefined;
  const e = parsed.data;
  if (!e.user || e.bot_id || (e.subtype !== undefined && e.subtype !== 'file_share') || e.user === botUserId) return undefined;
  const isDirect = e.type === 'message' && e.channel_type === 'im';
  // In a channel, a plain message counts only as a reply in a thread the bot started (DECISIONS);
  // one that also mentions the bot arrives as app_mention too, and is answered from there.
  const inBotThread = e.type === 'message' && !isDirect && e.thread_ts !== undefined && e.thread_ts !== e.ts
    && botUserId !== undefined && e.parent_user_id === botUserId && !(e.text ?? '').includes(`<@${botUserId}`);
  if (e.type === 'message' && !isDirect && !inBotThread) return undefined;
  const team = e.user_team ?? e.team ?? env.data.team_id;
  const text = (e.text ?? '').replace(botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g') : /$^/, ' ').replace(/\s+/g, ' ').trim();
  // A photo dropped in the DM (subtype file_share): its bytes are fetched only when read.
  const files = download ? (e.files ?? []).flatMap((f) => inboundFile(f, download)) : [];
  return message(
    sender({ team, user: e.user }),
    isDirect ? { id: e.user, kind: 'private' } : { id: e.channel, kind: 'group', workspace: env.data.team_id },
    files.length > 0 ? { kind: 'files', files, ...(text ? { caption: text } : {}) } : { kind: 'text', text },
    // An upload is announced twice (this message and file_shared): both carry the file's key.
    files.length > 0 ? fileKey(files[0]!.platformFileId!) : `slack:event:${env.data.event_id}`,
    receivedAt,
    hintsOf(team, e.user),
  );
}

type SlackFile = z.infer<typeof slackFile>;
const fileKey = (id: string) => `slack:file:${id}`;

/** A file Slack describes, fetched only when read; none without an address to fetch it from. */
function inboundFile(f: SlackFile, download: SlackDownload): InboundFile[] {
  if (!f.url_private_download) return [];
  return [{
    name: f.name ?? f.id, mimeType: f.mimetype ?? 'application/octet-stream', size: f.size ?? 0, platformFileId: f.id,
    bytes: () => download(f.url_private_download!),
  }];
}

const fileSharedEvent = z.object({
  type: z.literal('file_shared'),
  channel_id: z.string(),
  file_id: z.string(),
  user_id: z.string(),
});

/** The direct-message conversation a file_shared event names, when it is a DM with the bot ("D…"). */
export function directFileShare(rawEvent: unknown, botUserId: string | undefined): { channel: string; user: string; file: string } | undefined {
  const parsed = fileSharedEvent.safeParse(rawEvent);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  // The bot's own uploads (a receipt sent back, a chart) are announced too.
  if (!e.channel_id.startsWith('D') || e.user_id === botUserId) return undefined;
  return { channel: e.channel_id, user: e.user_id, file: e.file_id };
}

/**
 * A file dropped in the DM, from file_shared (only the id) and files.info (the rest). It carries
 * the same key as the upload's message, so whichever arrives second is not read again.
 */
export function fromFileShared(
  rawEnvelope: unknown, share: { user: string; file: string }, rawFile: unknown, receivedAt: Date, hintsOf: HintsOf, download: SlackDownload,
): InboundMessage | undefined {
  const env = envelope.safeParse(rawEnvelope);
  const parsed = slackFile.safeParse(rawFile);
  if (!env.success || !parsed.success || parsed.data.id !== share.file) return undefined;
  const files = inboundFile(parsed.data, download);
  if (files.length === 0) return undefined;
  return message(
    sender({ team: env.data.team_id, user: share.user }),
    { id: share.user, kind: 'private' },
    { kind: 'files', files },
    fileKey(share.file),
    receivedAt,
    hintsOf(env.data.team_id, share.user),
  );
}

/** A button: the block_id says whose ledger its message was about; the press is keyed by its trigger_id. */
export function fromBlockAction(raw: unknown, receivedAt: Date, hintsOf: HintsOf): InboundMessage | undefined {
  const parsed = blockActions.safeParse(raw);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const action = b.actions[0]!;
  const kind = conversationKindOfBlock(action.block_id);
  const value = action.value ?? action.selected_option?.value;
  if (!kind || !value) return undefined;
  const team = b.user.team_id ?? b.team?.id;
  const channel = b.channel?.id ?? b.container?.channel_id;
  if (!team || (kind === 'group' && !channel)) return undefined;
  return message(
    sender({ team, user: b.user.id, name: b.user.name ?? b.user.username }),
    kind === 'group' ? { id: channel!, kind: 'group', ...(b.team?.id ? { workspace: b.team.id } : {}) } : { id: b.user.id, kind: 'private' },
    { kind: 'press', action: value, ...(b.container?.message_ts ? { pressedMessage: b.container.message_ts } : {}) },
    `slack:action:${b.trigger_id}`,
    receivedAt,
    hintsOf(team, b.user.id),
  );
}

/** A submitted modal: the conversation it was opened from rides in its private_metadata. */
export function fromViewSubmission(raw: unknown, receivedAt: Date, hintsOf: HintsOf): InboundMessage | undefined {
  const parsed = viewSubmission.safeParse(raw);
  if (!parsed.success || parsed.data.view.callback_id !== SLACK_FORM_CALLBACK_ID) return undefined;
  const v = parsed.data;
  const origin = slackModalOrigin(v.view.private_metadata);
  const team = v.user.team_id ?? v.team?.id;
  if (!origin || !team) return undefined;
  const values = Object.fromEntries(Object.entries(v.view.state.values).map(([field, inputs]) => [field, inputs.value?.value ?? '']));
  return message(
    sender({ team, user: v.user.id, name: v.user.name ?? v.user.username }),
    origin.conversation,
    { kind: 'form', action: origin.action, values },
    `slack:view:${v.trigger_id}`,
    receivedAt,
    hintsOf(team, v.user.id),
  );
}

/** The App Home of a person: their own ledger. */
export function homeOf(team: string, user: string, receivedAt: Date): InboundMessage {
  return message(sender({ team, user }), { id: user, kind: 'private' }, { kind: 'text', text: '' }, `slack:home:${team}:${user}:${receivedAt.getTime()}`, receivedAt);
}
