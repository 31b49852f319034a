import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSlack } from '../support/fake-slack';
import { startFakeTelegram } from '../support/fake-telegram';
import { eventEnvelope, slackHeaders, slashCommandForm } from '../support/slack-requests';
import { ROOT, startService, waitForLog } from '../support/service-process';
import { textUpdate } from '../support/telegram-updates';
import { testEndpoint } from '../support/test-ledger';

// A whole conversation on every channel through the real service process, its logs read as an
// operator's log store would get them (stdout and stderr at LOG_LEVEL=info): what people wrote,
// spent and are called, and the bot's credentials, must appear nowhere in them.
const TELEGRAM_TOKEN = '424242:AAHtelegramTokenQxWz9';
const TELEGRAM_SECRET = 'hookSecretQwXz77';
const SLACK_TOKEN = 'xoxb-slackTokenVq42Lm';
const SLACK_SECRET = 'slackSigningSecretKj55';
const ZENOBIA = { id: 7771, first_name: 'Zenobia', language_code: 'en' };
const SLACK_NAME = 'Quintessa Marlowe';

const said = {
  local: ['12.50 lunch at Sakura Garden #food', '48.20 Marzipan Bakery cake', 'delete #99', 'flibbertigibbet quorx'],
  localGroup: ['30.15 groceries at Fenwick Market'],
  telegram: ['23.40 taxi to Harbourview', 'edit #77 banana'],
  slack: ['61.30 books at Wexford Press', '17.85 parking Dunmore Quay'],
};
/** Whole numbers as written or as minor units, on their own (not inside a timestamp or a port). */
const amounts = ['12.50', '1250', '48.20', '4820', '30.15', '3015', '23.40', '2340', '61.30', '6130', '17.85', '1785', '22.89', '2289'];
const words = ['Sakura Garden', 'Marzipan Bakery', 'Fenwick Market', 'Harbourview', 'Wexford Press', 'Dunmore Quay', 'flibbertigibbet', 'GREEN LEAF CAFE', 'banana'];
const names = ['ottoline', 'Zenobia', SLACK_NAME, 'Quintessa'];
/** Platform ids name people too (Slack's user and DM channel). */
const platformIds = ['UQUIN', 'DQUIN'];
const credentials = [TELEGRAM_TOKEN, TELEGRAM_TOKEN.split(':')[1]!, TELEGRAM_SECRET, SLACK_TOKEN, SLACK_SECRET];

test('a conversation on every channel (adds, list, export, mistakes, a receipt) leaves no text, amount, name or token in the logs', async () => {
  const telegram = await startFakeTelegram({ token: TELEGRAM_TOKEN });
  const slack = await startFakeSlack({ botToken: SLACK_TOKEN });
  slack.setUser('UQUIN', { real_name: SLACK_NAME, tz: 'Europe/London', locale: 'en-GB' });
  const receipts = mkdtempSync(join(tmpdir(), 'receipts-'));
  const service = startService({
    LOG_LEVEL: 'info', AWS_ENDPOINT_URL_DYNAMODB: testEndpoint(), SPENDWISE_TABLE: `logs-${randomUUID().slice(0, 8)}`, RECEIPTS_DIR: receipts,
    TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET, TELEGRAM_API_ROOT: telegram.url,
    SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_API_URL: slack.apiUrl,
  });
  try {
    const base = `http://127.0.0.1:${(await waitForLog(service, 'listening')).port}`;
    const post = (path: string, body: string, headers: Record<string, string>) => fetch(`${base}${path}`, { method: 'POST', headers, body });

    // The local chat: adds, a group, a list, an export, two mistakes, a receipt read and confirmed.
    const local = async (body: Record<string, unknown>) => {
      const res = await post('/local/chat', JSON.stringify({ user: 'ottoline', timeZone: 'UTC', ...body }), { 'content-type': 'application/json' });
      return ((await res.json()) as { replies: { text: string; choices?: { label: string; action: string }[] }[] }).replies;
    };
    for (const text of said.local) await local({ text });
    for (const text of said.localGroup) await local({ text, group: 'flat-7' });
    expect((await local({ text: 'list' }))[0]!.text).toContain('Sakura Garden');
    expect((await local({ text: 'export' }))[0]).toHaveProperty('file');
    const photo = readFileSync(join(ROOT, 'bot/src/receipts/local/fixtures/green-leaf-cafe.png')).toString('base64');
    const draft = (await local({ image: photo }))[0]!;
    expect(draft.text).toContain('Total: $22.89');
    const confirm = draft.choices!.find((c) => c.label === '✅ Confirm')!.action;
    expect((await local({ action: confirm }))[0]!.text).toContain('Recorded #3');

    // Telegram's webhook: adds, a list, an export, a mistake, and a request with the wrong secret.
    const webhook = (text: string, secret = TELEGRAM_SECRET) =>
      post('/telegram/webhook', JSON.stringify(textUpdate(ZENOBIA, text)), { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret });
    // Bot API refusals on the way (blocked, a bad request) are logged too.
    telegram.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    expect((await webhook('/list')).status).toBe(200);
    for (const text of said.telegram) expect((await webhook(text)).status).toBe(200);
    telegram.failNext('sendMessage', { error_code: 400, description: 'Bad Request: message text is empty' });
    for (const text of ['/list', '/export']) expect((await webhook(text)).status).toBe(200);
    expect((await webhook('99.99 forged', 'not-the-secret')).status).toBe(401);
    expect(telegram.calls.some((c) => c.method === 'sendMessage' && String(c.payload.text).includes('Harbourview'))).toBe(true);
    expect(telegram.calls.some((c) => c.method === 'sendDocument')).toBe(true);

    // Slack's events: /spend commands and a direct message, and one request signed with a wrong secret.
    const signed = (body: string, type: string, secret = SLACK_SECRET) => post('/slack/events', body, { 'content-type': type, ...slackHeaders(secret, body) });
    const command = (text: string) => signed(slashCommandForm({ user: 'UQUIN', userName: 'quintessa', text, responseUrl: slack.responseUrl(randomUUID()) }), 'application/x-www-form-urlencoded');
    // The App Home and a DM reply refused by the Web API on the way.
    slack.failNext('views.publish', { error: 'not_enabled' });
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    await command(said.slack[0]!);
    await signed(JSON.stringify(eventEnvelope({ type: 'message', channel: 'DQUIN', channel_type: 'im', user: 'UQUIN', text: said.slack[1]! })), 'application/json');
    await command('list');
    await command('export');
    await command('edit #55 banana');
    expect((await signed(slashCommandForm({ user: 'UQUIN', text: '5 forged', responseUrl: slack.responseUrl('x') }), 'application/x-www-form-urlencoded', 'wrong')).status).toBe(401);
    await slack.waitFor('/api/files.completeUploadExternal', 0, 15_000);
    await settled(() => slack.calls.length + telegram.calls.length);
    expect(slack.calls.some((c) => JSON.stringify(c.body).includes('Dunmore Quay'))).toBe(true);

    service.child.kill('SIGTERM');
    expect(await service.exit).toBe(0);
  } finally {
    if (service.child.exitCode === null) service.child.kill('SIGKILL');
    await telegram.close();
    await slack.close();
    rmSync(receipts, { recursive: true, force: true });
  }

  const logs = `${service.stdout()}\n${service.stderr()}`;
  // The logs are there to be read: one line per request on every route the conversation used.
  const paths = service.lines().filter((l) => l.msg === 'request').map((l) => l.path);
  expect(paths).toEqual(expect.arrayContaining(['/local/chat', '/telegram/webhook', '/slack/events']));
  expect(service.lines().map((l) => l.msg)).toEqual(expect.arrayContaining([
    'telegram: the chat does not take messages from the bot', 'telegram: Bot API refused a call', 'slack: Web API call failed', 'slack: App Home not published',
  ]));
  const leaks = [
    ...[...said.local, ...said.localGroup, ...said.telegram, ...said.slack, ...words, ...names, ...platformIds, ...credentials].filter((value) => logs.toLowerCase().includes(value.toLowerCase())),
    ...amounts.filter((amount) => new RegExp(`(?<![\\d.])${amount.replace('.', '\\.')}(?![\\d])`).test(logs)),
  ];
  expect({ leaks, lines: leaks.length ? logs.split('\n').filter((line) => leaks.some((leak) => line.toLowerCase().includes(leak.toLowerCase()))) : [] }).toEqual({ leaks: [], lines: [] });
}, 180_000);

/** Until `count` has not moved for a while: the channels answer after their ack. */
async function settled(count: () => number): Promise<void> {
  let seen = -1;
  while (seen !== count()) {
    seen = count();
    await new Promise((r) => setTimeout(r, 500));
  }
}
