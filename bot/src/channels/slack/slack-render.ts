import { FormattedText, groupBlocks, Span, TextBlock } from '../../core/conversation/formatted-text';
import { z } from 'zod';
import { Conversation } from '../../core/conversation/inbound-message';
import { ChoiceRow, Form, Reply } from '../../core/conversation/reply';

/** Slack's limits (Block Kit reference): button text 75 characters, 25 elements per actions block. */
const MAX_BUTTON_TEXT = 75;
const MAX_BUTTONS_PER_ROW = 25;
const MAX_MODAL_TITLE = 24;
/** More choices than this are a static_select (at most 100 options, Block Kit reference). */
const MAX_BUTTONS_AS_BUTTONS = 5;
const MAX_OPTIONS = 100;

function selectOf(row: ChoiceRow, r: number) {
  return {
    type: 'static_select' as const,
    action_id: `choose-${r}`,
    placeholder: { type: 'plain_text' as const, text: 'Choose…', emoji: true },
    options: row.slice(0, MAX_OPTIONS).map((c) => ({ text: { type: 'plain_text' as const, text: clip(c.label, MAX_BUTTON_TEXT), emoji: true }, value: c.action })),
  };
}

/** The only characters mrkdwn asks to escape (https://docs.slack.dev/messaging/formatting-message-text). */
const escapeMrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function spanMrkdwn(span: Span): string {
  const text = escapeMrkdwn(span.text);
  if (span.style === 'bold') return `*${text}*`;
  if (span.style === 'code') return `\`${text}\``;
  return text;
}

/** mrkdwn, for the notification text and the surfaces that take mrkdwn (App Home sections, modals). */
export function toSlackMrkdwn(text: FormattedText): string {
  return text.map((b) => (b.kind === 'item' ? '• ' : '') + b.spans.map(spanMrkdwn).join('')).join('\n');
}

type RichTextElement = { type: 'text'; text: string; style?: { bold?: true; code?: true } };

const richSpan = (span: Span): RichTextElement => ({
  type: 'text',
  text: span.text,
  ...(span.style === 'bold' ? { style: { bold: true } } : span.style === 'code' ? { style: { code: true } } : {}),
});

const richSection = (blocks: TextBlock[]) => ({
  type: 'rich_text_section' as const,
  elements: blocks.flatMap((b, i) => [...(i > 0 ? [{ type: 'text' as const, text: '\n' }] : []), ...b.spans.map(richSpan)]),
});

/**
 * A rich_text block: formatting comes only from the spans, so a description holding `*` or `_`
 * shows exactly as typed (mrkdwn has no way to escape those).
 */
export function toSlackRichText(text: FormattedText) {
  return {
    type: 'rich_text' as const,
    elements: groupBlocks(text).map((g) =>
      g.kind === 'item'
        ? { type: 'rich_text_list' as const, style: 'bullet' as const, elements: g.blocks.map((b) => richSection([b])) }
        : richSection(g.blocks)),
  };
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * Buttons carry the kind of conversation their message belongs to in their block_id, because a
 * block_actions payload says where it was pressed but not whether that was the person's own
 * ledger (a /spend answer, the App Home) or the channel's (a mention). Slack signs it with the rest.
 */
const blockIdFor = (kind: Conversation['kind'], row: number | string) => `sw:${kind === 'group' ? 'g' : 'p'}:${row}`;

export function conversationKindOfBlock(blockId: string): Conversation['kind'] | undefined {
  const m = /^sw:([pg]):/.exec(blockId);
  return m ? (m[1] === 'g' ? 'group' : 'private') : undefined;
}

/** A reply as a message: blocks, the mrkdwn `text` fallback (notifications), and how to post it. */
export function toSlackMessage(reply: Reply, kind: Conversation['kind'] = 'private') {
  return slackMessage(reply, kind, [toSlackRichText(reply.text)]);
}

/** The message with its text as the given rich-text blocks (one, or a long reply's several), then its buttons. */
function slackMessage(reply: Reply, kind: Conversation['kind'], textBlocks: ReturnType<typeof toSlackRichText>[]) {
  const given = (reply.choices ?? []).filter((row) => row.length > 0);
  // Many choices (the categories, the timezones) are one menu; a few are buttons in their rows.
  const rows = given.flat().length > MAX_BUTTONS_AS_BUTTONS ? [given.flat()] : given;
  return {
    text: toSlackMrkdwn(reply.text),
    blocks: [
      ...textBlocks,
      ...rows.map((row, r) => ({
        type: 'actions' as const,
        block_id: blockIdFor(kind, r),
        // A long row (the categories to choose from) is a menu; a short one, buttons.
        elements: row.length > MAX_BUTTONS_AS_BUTTONS ? [selectOf(row, r)] : row.slice(0, MAX_BUTTONS_PER_ROW).map((c, i) => ({
          type: 'button' as const,
          action_id: `choice-${r}-${i}`,
          text: { type: 'plain_text' as const, text: clip(c.label, MAX_BUTTON_TEXT), emoji: true },
          value: c.action,
          ...(c.style ? { style: c.style } : {}),
        })),
      })),
    ],
    /** For the sender alone: chat.postEphemeral, or respond() with response_type "ephemeral". */
    ephemeral: reply.audience === 'sender',
    ...(reply.replacesPressed ? { replace_original: true } : {}),
  };
}

/** The callback id every Spendwise modal carries. */
export const SLACK_FORM_CALLBACK_ID = 'spendwise-form';

/**
 * What a modal must remember: a view_submission carries no channel, so the conversation the form
 * was opened from rides in private_metadata (kept by Slack, never shown), with the submit action.
 * Without it, an Edit opened in a channel would be applied to the person's own ledger.
 */
export interface SlackModalOrigin {
  readonly action: string;
  readonly conversation: Conversation;
}

const modalOrigin = z.object({
  action: z.string().min(1).max(200),
  conversation: z.object({ id: z.string().min(1), kind: z.enum(['private', 'group']), workspace: z.string().optional() }),
});

/** The origin a submitted modal carries, or undefined when it is not one of ours. */
export function slackModalOrigin(privateMetadata: string): SlackModalOrigin | undefined {
  try {
    const parsed = modalOrigin.safeParse(JSON.parse(privateMetadata));
    if (!parsed.success) return undefined;
    const { action, conversation } = parsed.data;
    return { action, conversation: { id: conversation.id, kind: conversation.kind, ...(conversation.workspace ? { workspace: conversation.workspace } : {}) } };
  } catch {
    return undefined;
  }
}

/** A form as a modal view (views.open); each field is an input block whose block_id is the field name. */
export function toSlackModal(form: Form, conversation: Conversation) {
  const origin: SlackModalOrigin = { action: form.submit.action, conversation };
  return {
    type: 'modal' as const,
    callback_id: SLACK_FORM_CALLBACK_ID,
    private_metadata: JSON.stringify(origin),
    title: { type: 'plain_text' as const, text: clip(form.title, MAX_MODAL_TITLE) },
    submit: { type: 'plain_text' as const, text: clip(form.submit.label, MAX_MODAL_TITLE) },
    close: { type: 'plain_text' as const, text: 'Cancel' },
    blocks: form.fields.map((f) => ({
      type: 'input' as const,
      block_id: f.name,
      optional: true,
      label: { type: 'plain_text' as const, text: f.label },
      element: { type: 'plain_text_input' as const, action_id: 'value', initial_value: f.value },
      ...(f.hint ? { hint: { type: 'plain_text' as const, text: f.hint } } : {}),
    })),
  };
}

/** A form that came back with field errors, as the view_submission answer Slack shows under each field. */
export function toSlackFormErrors(form: Form): { response_action: 'errors'; errors: Record<string, string> } | undefined {
  const errors = Object.fromEntries(form.fields.filter((f) => f.error).map((f) => [f.name, f.error!]));
  return Object.keys(errors).length ? { response_action: 'errors', errors } : undefined;
}

/**
 * Slack refuses a message whose blocks are too long (msg_blocks_too_long, around 13k characters of
 * blocks) and a text object over 3,000: a long reply is cut at line ends into rich-text blocks of
 * at most this much text, a few per message, as several messages.
 */
const MAX_TEXT_PER_BLOCK = 1_500;
const MAX_TEXT_BLOCKS_PER_MESSAGE = 3;

function chunks(text: FormattedText): FormattedText[] {
  const parts: TextBlock[][] = [[]];
  let size = 0;
  for (const block of text) {
    const length = block.spans.reduce((n, s) => n + s.text.length, 0) + 1;
    if (size + length > MAX_TEXT_PER_BLOCK && parts.at(-1)!.length > 0) {
      parts.push([]);
      size = 0;
    }
    parts.at(-1)!.push(block);
    size += length;
  }
  return parts;
}

/** A reply as one or more messages Slack accepts: the buttons on the last, replace_original on the first. */
export function toSlackMessages(reply: Reply, kind: Conversation['kind'] = 'private') {
  const parts = chunks(reply.text);
  const messages = [];
  for (let i = 0; i < parts.length; i += MAX_TEXT_BLOCKS_PER_MESSAGE) {
    const group = parts.slice(i, i + MAX_TEXT_BLOCKS_PER_MESSAGE);
    const first = i === 0;
    const last = i + MAX_TEXT_BLOCKS_PER_MESSAGE >= parts.length;
    const piece: Reply = {
      ...reply,
      text: group.flat(),
      ...(last ? {} : { choices: [] }),
      ...(first ? {} : { replacesPressed: false }),
    };
    messages.push(slackMessage(piece, kind, group.map(toSlackRichText)));
  }
  return messages;
}

/** Buttons for surfaces of the person's own (the App Home): the same block_id convention. */
export const privateActionsBlockId = (name: string) => blockIdFor('private', name);
