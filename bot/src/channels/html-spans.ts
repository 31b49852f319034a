import { Span } from '../core/conversation/formatted-text';

/**
 * A span as HTML for the local page and Telegram's HTML parse mode: every character of the text
 * escaped (Telegram knows &amp; &lt; &gt; &quot;: https://core.telegram.org/bots/api#html-style),
 * formatting only from the span's style.
 */
export function spanHtml(span: Span): string {
  const text = span.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  if (span.style === 'bold') return `<b>${text}</b>`;
  if (span.style === 'code') return `<code>${text}</code>`;
  return text;
}
