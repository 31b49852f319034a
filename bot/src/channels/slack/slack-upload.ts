import { Readable } from 'node:stream';
import type { WebClient } from '@slack/web-api';
import { ReplyFile } from '../../core/conversation/reply';

/** Where the uploaded file is shared; none: uploaded privately (the App Home's charts, shown by id). */
export interface SlackShare {
  readonly channel_id?: string;
  readonly thread_ts?: string;
  readonly initial_comment?: string;
  readonly title?: string;
}

/** An upload that takes longer than this is abandoned (a whole ledger's export is a few MB). */
const UPLOAD_TIMEOUT_MS = 5 * 60 * 1000;

/**
 * Uploads a file the way Slack asks since files.upload was retired: files.getUploadURLExternal with
 * its length, the bytes POSTed to the upload_url, then files.completeUploadExternal to share it.
 * The same three steps as the SDK's filesUploadV2, which needs the whole file in a Buffer first:
 * here the bytes are streamed from the file as they are sent. Returns the Slack file id.
 */
export async function uploadToSlack(client: WebClient, file: ReplyFile, share: SlackShare = {}): Promise<string> {
  const { upload_url, file_id } = await client.files.getUploadURLExternal({ filename: file.name, length: file.size });
  if (!upload_url || !file_id) throw new SlackUploadError('files.getUploadURLExternal gave no upload_url');
  const sent = await fetch(upload_url, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(file.size) },
    body: Readable.toWeb(Readable.from(file.open())) as ReadableStream<Uint8Array>,
    duplex: 'half',
    redirect: 'error',
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  } as RequestInit);
  await sent.arrayBuffer();
  if (sent.status !== 200) throw new SlackUploadError(`upload_url answered ${sent.status}`);
  const { channel_id, thread_ts, initial_comment, title } = share;
  const destination = channel_id ? (thread_ts ? { channel_id, thread_ts } : { channel_id }) : {};
  const completed = await client.files.completeUploadExternal({
    files: [{ id: file_id, title: title ?? file.name }],
    ...destination,
    ...(initial_comment ? { initial_comment } : {}),
  });
  return completed.files?.[0]?.id ?? file_id;
}

/** The upload_url refused the bytes; logged like a Web API error (its `data.error`), never with the URL. */
export class SlackUploadError extends Error {
  override readonly name = 'SlackUploadError';
  readonly data: { readonly error: string };
  constructor(reason: string) {
    super(`file upload failed: ${reason}`);
    this.data = { error: 'upload_failed' };
  }
}
