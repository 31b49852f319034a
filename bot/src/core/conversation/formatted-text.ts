/**
 * Text with declared, minimal formatting, so every channel renders it natively (Slack mrkdwn or
 * rich text, Telegram HTML, the local page's HTML) without re-parsing strings: a span is plain,
 * bold or code; a block is a line or a bullet item. Nothing in a span's text is markup.
 */
export interface Span {
  readonly text: string;
  readonly style?: 'bold' | 'code';
}

export interface TextBlock {
  readonly kind: 'line' | 'item';
  readonly spans: readonly Span[];
}

export type FormattedText = readonly TextBlock[];

export type SpanLike = string | Span;

export const bold = (text: string): Span => ({ text, style: 'bold' });
export const code = (text: string): Span => ({ text, style: 'code' });

const spansOf = (parts: readonly SpanLike[]): Span[] =>
  parts.map((p) => (typeof p === 'string' ? { text: p } : p)).filter((s) => s.text !== '');

/** One line; a string part is plain text (line breaks inside it are not allowed: use more lines). */
export const line = (...parts: SpanLike[]): TextBlock => ({ kind: 'line', spans: spansOf(parts) });

/** One bullet item. */
export const item = (...parts: SpanLike[]): TextBlock => ({ kind: 'item', spans: spansOf(parts) });

/** Lines from plain strings (each "\n" starts a new line) and blocks, in order. */
export function formatted(...parts: (string | TextBlock)[]): FormattedText {
  return parts.flatMap((p) => (typeof p === 'string' ? p.split('\n').map((l) => line(l)) : [p]));
}

/** The text with no formatting: what notifications, logs and plain clients show. */
export function plainText(text: FormattedText): string {
  return text.map((b) => (b.kind === 'item' ? '• ' : '') + b.spans.map((s) => s.text).join('')).join('\n');
}

/** Consecutive blocks of the same kind, for renderers that wrap items in a list. */
export function groupBlocks(text: FormattedText): { kind: TextBlock['kind']; blocks: TextBlock[] }[] {
  const groups: { kind: TextBlock['kind']; blocks: TextBlock[] }[] = [];
  for (const block of text) {
    const last = groups[groups.length - 1];
    if (last && last.kind === block.kind) last.blocks.push(block);
    else groups.push({ kind: block.kind, blocks: [block] });
  }
  return groups;
}
