import { FakeSlack, startFakeSlack } from '../../../../test/support/fake-slack';
import { Sent, slackHarness } from '../../../../test/support/slack-harness';
import { blockAction, sharedSlackFixture } from '../../../../test/support/slack-requests';
import { startTestServer, TestServer } from '../../../../test/support/test-server';

// Receipt photos dropped in a Slack DM, through the real HTTP server; Slack's Web API and its file
// host are a stand-in on loopback.
const SECRET = 'slack-signing-secret';
let slack: FakeSlack;
let server: TestServer;

beforeAll(async () => {
  slack = await startFakeSlack();
  server = await startTestServer({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl });
});
afterAll(async () => {
  await server.close();
  await slack.close();
});

const { event, interaction, responses, posted, textOf } = slackHarness(SECRET, () => ({ slack, server }));

test('a receipt photo dropped in the DM: downloaded with the bot token, acknowledged at once, a draft to confirm', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const url = slack.hostFile('receipt.png', readFileSync(join(__dirname, '..', '..', 'receipts', 'local', 'fixtures', 'green-leaf-cafe.png')));
  const mark = slack.mark();
  await event({
    type: 'message', subtype: 'file_share', channel: 'DPIC', channel_type: 'im', user: 'UPIC', text: '',
    files: [{ id: 'F1', name: 'receipt.png', mimetype: 'image/png', size: 30251, url_private_download: url }],
  });
  // Reading takes a moment (the local reader starts on first use): wait for the draft itself.
  const deadline = Date.now() + 20_000;
  while (slack.since(mark).filter((c) => c.path === '/api/chat.postMessage').length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const res = { calls: slack.since(mark) } as Sent;
  const [ack, draft] = posted(res);
  expect(textOf(ack!)).toBe('📷 Reading your receipt…');
  expect(textOf(draft!)).toContain('Receipt: GREEN LEAF CAFE (?)*');
  expect(textOf(draft!)).toContain('Total: *$22.89*');
  const download = res.calls.find((c) => c.path.startsWith('/files-pri/'))!;
  expect(download.authorization).toBe('Bearer xoxb-test');
  const confirm = draft!.blocks.find((b: { type: string }) => b.type === 'actions').elements.find((e: { text: { text: string } }) => e.text.text === '✅ Confirm');
  const confirmed = await interaction(blockAction({ user: 'UPIC', value: confirm.value, blockId: 'sw:p:0', channel: 'DPIC', responseUrl: slack.responseUrl('pic-ok') }));
  expect(textOf(responses(confirmed)[0]!)).toContain('Recorded #1 · *$22.89* · food · GREEN LEAF CAFE');
}, 60_000);

describe('an upload announced by file_shared', () => {
  const photo = async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    return readFileSync(join(__dirname, '..', '..', 'receipts', 'local', 'fixtures', 'green-leaf-cafe.png'));
  };
  /** The event as Slack documents it (the shared fixture's shape): a DM channel, the sharer, only the file's id. */
  const fileShared = (file: string, user: string, channel: string) => {
    const genuine = sharedSlackFixture('event_callback.file_shared.slack-doc.json');
    const shape = genuine ? JSON.parse(genuine).event : { type: 'file_shared', file: {} };
    return { ...shape, channel_id: channel, file_id: file, user_id: user, file: { id: file } };
  };
  async function until(mark: number, drafts: number, atLeastMs: number) {
    const started = Date.now();
    const count = () => slack.since(mark).filter((c) => c.path === '/api/chat.postMessage' && String(c.body.text).includes('Receipt:')).length;
    while ((count() < drafts || Date.now() - started < atLeastMs) && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 100));
    return slack.since(mark);
  }

  test('alone (its message never came): the file is described by files.info, downloaded and read into a draft', async () => {
    slack.hostFile('shared.png', await photo(), 'FSHARED1', 'USHARE');
    const mark = slack.mark();
    await event(fileShared('FSHARED1', 'USHARE', 'DSHARE'));
    const calls = await until(mark, 1, 0);
    expect(calls.find((c) => c.path === '/api/files.info')).toMatchObject({ body: { file: 'FSHARED1' }, authorization: 'Bearer xoxb-test' });
    const messages = calls.filter((c) => c.path === '/api/chat.postMessage').map((c) => c.body);
    expect(messages.map((m) => m.channel)).toEqual(['DSHARE', 'DSHARE']);
    expect(textOf(messages[0]!)).toBe('📷 Reading your receipt…');
    expect(textOf(messages[1]!)).toContain('Total: *$22.89*');
  }, 60_000);

  test('with its message too, in either order: read once, with the message’s caption', async () => {
    const bytes = await photo();
    for (const [file, fileSharedFirst] of [['FBOTH1', false], ['FBOTH2', true]] as const) {
      // Different bytes per file, or the second would be "the same photo again".
      const url = slack.hostFile(`${file}.png`, Buffer.concat([bytes, Buffer.from(file)]), file, 'UBOTH');
      const mark = slack.mark();
      const message = { type: 'message', subtype: 'file_share', channel: 'DBOTH', channel_type: 'im', user: 'UBOTH', text: 'team lunch #work', files: [{ id: file, name: `${file}.png`, mimetype: 'image/png', size: bytes.byteLength, url_private_download: url }] };
      const both = fileSharedFirst ? [fileShared(file, 'UBOTH', 'DBOTH'), message] : [message, fileShared(file, 'UBOTH', 'DBOTH')];
      await Promise.all(both.map((e) => event(e)));
      const calls = await until(mark, 1, 4_500);
      const messages = calls.filter((c) => c.path === '/api/chat.postMessage').map((c) => textOf(c.body));
      expect(messages.filter((t) => t === '📷 Reading your receipt…')).toHaveLength(1);
      const drafts = messages.filter((t) => t.includes('Receipt:'));
      expect(drafts).toHaveLength(1);
      expect(drafts[0]).toContain('team lunch');
      expect(calls.filter((c) => c.path.startsWith('/files-pri/'))).toHaveLength(1);
    }
  }, 60_000);

  test('the bot’s own uploads and files shared in channels are not read', async () => {
    slack.hostFile('own.png', await photo(), 'FOWN', 'UBOT');
    const mark = slack.mark();
    await event(fileShared('FOWN', 'UBOT', 'DOWN'));
    await event(fileShared('FOWN', 'UOTHER', 'COWN'));
    await new Promise((r) => setTimeout(r, 3_500));
    expect(slack.since(mark).filter((c) => c.path !== '/api/auth.test')).toEqual([]);
  }, 30_000);
});

