import { WebClient } from '@slack/web-api';
import { FakeSlack, startFakeSlack } from '../../../../test/support/fake-slack';
import { ReplyFile } from '../../core/conversation/reply';
import { uploadToSlack } from './slack-upload';

// Slack's upload flow against the stand-in on loopback: the bytes streamed from the file as they are read.
let slack: FakeSlack;
let client: WebClient;
beforeAll(async () => {
  slack = await startFakeSlack();
  client = new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
});
afterAll(() => slack.close());

/** A file read in pieces, that counts how often it was opened. */
function piecewise(pieces: Buffer[]): ReplyFile & { opened: number } {
  const file = {
    name: 'spendwise-everything.zip', mimeType: 'application/zip', size: pieces.reduce((n, p) => n + p.byteLength, 0), opened: 0,
    async *open() {
      file.opened += 1;
      yield* pieces;
    },
  };
  return file;
}

test('the length is declared, the bytes arrive whole at the upload URL, and the file is shared where asked with its caption', async () => {
  const pieces = Array.from({ length: 5 }, (_, i) => Buffer.alloc(70_000, i + 1));
  const file = piecewise(pieces);
  const mark = slack.mark();
  const id = await uploadToSlack(client, file, { channel_id: 'C1', thread_ts: '1700000000.000100', initial_comment: '📦 Everything' });

  const calls = slack.since(mark);
  expect(calls.map((c) => c.path.replace(/F\d+/, 'F…'))).toEqual(['/api/files.getUploadURLExternal', '/upload/F…', '/api/files.completeUploadExternal']);
  expect(calls[0]!.body).toMatchObject({ filename: 'spendwise-everything.zip', length: String(file.size) });
  expect(slack.uploaded(id)!.bytes!.equals(Buffer.concat(pieces))).toBe(true);
  expect(calls[2]!.body).toMatchObject({ files: [{ id, title: 'spendwise-everything.zip' }], channel_id: 'C1', thread_ts: '1700000000.000100', initial_comment: '📦 Everything' });
  expect(file.opened).toBe(1);
});

test('when the upload URL refuses the bytes, nothing is shared and the failure says so without the URL', async () => {
  slack.failNext('upload', { status: 500, error: 'internal' });
  const mark = slack.mark();
  const failed = uploadToSlack(client, piecewise([Buffer.from('abc')]), { channel_id: 'C1' });
  await expect(failed).rejects.toMatchObject({ name: 'SlackUploadError', data: { error: 'upload_failed' } });
  await expect(failed).rejects.not.toThrow(/upload\/F|127\.0\.0\.1/);
  expect(slack.since(mark).some((c) => c.path === '/api/files.completeUploadExternal')).toBe(false);
});
