import { FakeSlack, startFakeSlack } from '../../../../test/support/fake-slack';
import { eventEnvelope, slackHeaders, slashCommandForm } from '../../../../test/support/slack-requests';
import { startTestServer, TestServer } from '../../../../test/support/test-server';
import { slackHarness } from '../../../../test/support/slack-harness';

// A task at saturation: Slack's acks are cheap and would outrun the work behind them, piling it up
// in memory. Here the task takes on one piece of work at a time, and the stand-in holds its answer.
const SECRET = 'slack-busy-secret';
let slack: FakeSlack;
let server: TestServer;

beforeAll(async () => {
  slack = await startFakeSlack();
  server = await startTestServer({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl }, { slackWorkInFlight: 1 });
});
afterAll(async () => {
  await server.close();
  await slack.close();
});

const { send, command, responses, textOf } = slackHarness(SECRET, () => ({ slack, server }));
async function until(seen: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!seen()) {
    if (Date.now() > deadline) throw new Error('not seen in 15 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}
const slash = (user: string, text: string, id: string) => send(slashCommandForm({ user, text, responseUrl: slack.responseUrl(id) }), 'application/x-www-form-urlencoded');

test('when the work behind earlier acks is full, a command is answered "busy" at once and an event is left for Slack to retry; nothing is recorded; then all is taken again', async () => {
  const release = slack.holdResponses();
  try {
    const first = await slash('UBUSY', '7 tea', 'first');
    expect(first.status).toBe(200);
    // The first command's answer is on its way (held): its work is in flight.
    await until(() => slack.calls.some((c) => c.path === '/response/first'));

    const refused = await slash('UBUSY', '9 cake', 'refused');
    expect(refused.status).toBe(200);
    expect(JSON.parse(refused.body)).toEqual({ response_type: 'ephemeral', text: expect.stringContaining('I have a lot to do right now') });
    expect(refused.calls.filter((c) => c.path === '/response/refused')).toEqual([]);

    const body = JSON.stringify(eventEnvelope({ type: 'message', channel: 'DBUSY', channel_type: 'im', user: 'UBUSY', text: '11 soup' }, { eventId: 'EvBusy1' }));
    const event = await send(body, 'application/json', slackHeaders(SECRET, body));
    expect(event.status).toBe(503);
    expect(event.calls).toEqual([]);
  } finally {
    release();
  }
  // Slack delivers the event again later (until it is taken, once the first command's work is done): recorded once.
  const body = JSON.stringify(eventEnvelope({ type: 'message', channel: 'DBUSY', channel_type: 'im', user: 'UBUSY', text: '11 soup' }, { eventId: 'EvBusy1' }));
  const retry = () => send(body, 'application/json', { ...slackHeaders(SECRET, body), 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' });
  let status = (await retry()).status;
  for (let tries = 1; status === 503 && tries < 20; tries += 1) status = (await retry()).status;
  expect(status).toBe(200);
  const list = textOf(responses(await command('UBUSY', 'list'))[0]!);
  expect(list).toContain('tea');
  expect(list).toContain('soup');
  expect(list).not.toContain('cake');
});
