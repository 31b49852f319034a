import type { SpendingReport } from '../reports/spending-report';
import { FormattedText, formatted } from './formatted-text';

/** A button: pressing it sends `action` back to the core as is. Actions always fit 64 bytes. */
export interface Choice {
  readonly label: string;
  readonly action: string;
  readonly style?: 'primary' | 'danger';
}

/** Buttons shown side by side. */
export type ChoiceRow = readonly Choice[];

/** Choices laid out `perRow` to a row, in order. */
export function choiceRows(choices: readonly Choice[], perRow: number): ChoiceRow[] {
  const rows: ChoiceRow[] = [];
  for (let i = 0; i < choices.length; i += perRow) rows.push(choices.slice(i, i + perRow));
  return rows;
}

/**
 * Bytes with a name and a type. They may be produced lazily (a stream of known size), so a large
 * export never sits whole in memory and Slack's upload, which needs the length first, still works.
 */
export interface ReplyFile {
  readonly name: string;
  readonly mimeType: string;
  readonly size: number;
  /** The bytes from the start; may be called again (a retried upload reads them again). */
  open(): AsyncIterable<Uint8Array>;
  /**
   * Frees what holds the bytes (a spooled file is deleted). Whoever sends the reply calls it once
   * done, sent or not; nothing opens the file after. Absent for bytes simply held in memory.
   */
  release?(): Promise<void>;
}

export interface FormField {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly hint?: string;
  /** What was wrong with this field in the submission being answered. */
  readonly error?: string;
}

/**
 * A form: Slack shows it as a modal; channels without forms show the reply's text, which guides
 * the person to type the same thing. A submission comes back as `{ kind: 'form', action, values }`.
 */
export interface Form {
  readonly title: string;
  readonly submit: { readonly label: string; readonly action: string };
  readonly fields: readonly FormField[];
}

/** Structured content a view can render its own way (text, chart, Slack App Home). */
export type ReplyData = { readonly kind: 'report'; readonly report: SpendingReport };

/** What the core says back, in a shape every channel renders natively. */
export interface Reply {
  readonly text: FormattedText;
  readonly choices?: readonly ChoiceRow[];
  /** `sender`: only the person who sent the message sees it (Slack ephemeral, a private answer). */
  readonly audience?: 'conversation' | 'sender';
  /** An answer to a button press that takes the place of the message the button was on. */
  readonly replacesPressed?: boolean;
  readonly form?: Form;
  readonly image?: ReplyFile;
  readonly file?: ReplyFile;
  readonly data?: ReplyData;
}

export function textReply(text: string | FormattedText, choices?: readonly ChoiceRow[]): Reply {
  const body = typeof text === 'string' ? formatted(text) : text;
  return choices?.length ? { text: body, choices } : { text: body };
}

export function fileFromBytes(name: string, mimeType: string, bytes: Uint8Array): ReplyFile {
  return {
    name,
    mimeType,
    size: bytes.byteLength,
    async *open() {
      yield bytes;
    },
  };
}

export async function readFile(file: ReplyFile): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of file.open()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The replies' files are no longer needed (sent, or given up on): spooled ones are deleted. */
export async function releaseFiles(replies: readonly Reply[]): Promise<void> {
  await Promise.allSettled(replies.flatMap((r) => [r.file, r.image]).map((f) => f?.release?.()));
}

/**
 * What is kept to answer a redelivery: never image or file bytes (they would pass DynamoDB's item
 * limit, and a redelivered export is simply computed again), nor data meant for views.
 */
export function storableReplies(replies: readonly Reply[]): Reply[] {
  return replies.map(({ image: _image, file: _file, data: _data, ...rest }) => rest);
}
