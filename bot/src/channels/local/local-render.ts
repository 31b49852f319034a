import { FormattedText, groupBlocks, plainText } from '../../core/conversation/formatted-text';
import { readFile, Reply, ReplyFile } from '../../core/conversation/reply';
import { spanHtml } from '../html-spans';
import { LocalDownloads } from './local-downloads';

/**
 * Files up to this size ride inside the JSON answer (base64, as they always have); a larger one
 * (an export of everything) is kept on disk and linked, so the answer never holds it whole.
 */
export const MAX_EMBEDDED_FILE_BYTES = 256 * 1024;

/** The local page's HTML: every character of the text escaped, formatting only from the spans. */
export function toLocalHtml(text: FormattedText): string {
  return groupBlocks(text)
    .map((g) => {
      const rendered = g.blocks.map((b) => b.spans.map(spanHtml).join(''));
      return g.kind === 'item' ? `<ul>${rendered.map((r) => `<li>${r}</li>`).join('')}</ul>` : rendered.join('<br>');
    })
    .join('<br>');
}

async function fileJson(file: ReplyFile, downloads?: LocalDownloads) {
  const about = { name: file.name, mimeType: file.mimeType, size: file.size };
  if (downloads && file.size > MAX_EMBEDDED_FILE_BYTES) {
    const { id, expiresAt } = await downloads.keep(file);
    return { ...about, url: `/local/files/${id}`, expiresAt: expiresAt.toISOString() };
  }
  return { ...about, base64: (await readFile(file)).toString('base64') };
}

/**
 * A reply as the local chat API answers it. `text` and `choices` keep their original shape (plain
 * text; buttons as `{label, action}`); everything newer sits beside them. A file larger than
 * MAX_EMBEDDED_FILE_BYTES is a `url` to download it from (for an hour) when `downloads` is given.
 */
export async function toLocalJson(reply: Reply, downloads?: LocalDownloads) {
  return {
    text: plainText(reply.text),
    html: toLocalHtml(reply.text),
    ...(reply.choices?.length
      ? {
          choices: reply.choices.flat().map((c) => ({ label: c.label, action: c.action })),
          choiceRows: reply.choices.map((row) => row.map((c) => ({ label: c.label, action: c.action, ...(c.style ? { style: c.style } : {}) }))),
        }
      : {}),
    ...(reply.audience === 'sender' ? { audience: 'sender' } : {}),
    ...(reply.replacesPressed ? { replacesPressed: true } : {}),
    ...(reply.form ? { form: reply.form } : {}),
    ...(reply.image ? { image: await fileJson(reply.image) } : {}),
    ...(reply.file ? { file: await fileJson(reply.file, downloads) } : {}),
    ...(reply.data ? { data: reply.data } : {}),
  };
}
