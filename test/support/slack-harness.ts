import { FakeSlack } from './fake-slack';
import { eventEnvelope, slackHeaders, slashCommandForm } from './slack-requests';
import { TestServer } from './test-server';

export type Sent = { status: number; body: string; calls: FakeSlack['calls'] };

/**
 * Signed requests into the real server's /slack/events, each returning what the bot then did on the
 * Slack stand-in. `slack` and `server` are read when called (they start in a test file's beforeAll).
 */
export function slackHarness(secret: string, env: () => { slack: FakeSlack; server: TestServer }) {
  const SECRET = secret;
  const slackOf = () => env().slack;
  /** Posts a signed request and waits until the bot has done what it does (a quiet stand-in for a moment). */
  async function send(body: string, contentType: string, headers: Record<string, string> = slackHeaders(SECRET, body)): Promise<Sent> {
    const mark = slackOf().mark();
    const res = await fetch(`${env().server.url}/slack/events`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
    const text = await res.text();
    await settle();
    return { status: res.status, body: text, calls: slackOf().since(mark).filter((c) => c.path !== '/api/auth.test') };
  }
  /** Until the stand-in has been quiet for a while: the bot works after its ack. */
  async function settle(quietMs = 300) {
    let seen = -1;
    while (seen !== slackOf().calls.length) {
      seen = slackOf().calls.length;
      await new Promise((r) => setTimeout(r, quietMs));
    }
  }
  /** Drawing a chart is quiet CPU work longer than `settle` waits: until the call that follows it is seen. */
  async function settleUntil(sent: Sent, mark: number, path: string, times = 1): Promise<Sent> {
    const deadline = Date.now() + 15_000;
    while (slackOf().since(mark).filter((c) => c.path === path).length < times && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await settle();
    return { ...sent, calls: slackOf().since(mark).filter((c) => c.path !== '/api/auth.test') };
  }
  /** A /spend command, once it has been answered (every command is, through its response_url). */
  const command = async (user: string, text: string, responseId = `${user}-${text}`.replace(/\W+/g, '-')) => {
    const mark = slackOf().mark();
    const sent = await send(slashCommandForm({ user, text, responseUrl: slackOf().responseUrl(responseId) }), 'application/x-www-form-urlencoded');
    return settleUntil(sent, mark, `/response/${responseId}`);
  };
  const event = (payload: Record<string, unknown>, options: { eventId?: string; retry?: number } = {}) => {
    const body = JSON.stringify(eventEnvelope(payload, options));
    return send(body, 'application/json', { ...slackHeaders(SECRET, body), ...(options.retry ? { 'x-slack-retry-num': String(options.retry), 'x-slack-retry-reason': 'http_timeout' } : {}) });
  };
  /** A button press or a submission; one with a response_url, once it has been answered there. */
  const interaction = async (payload: unknown) => {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const mark = slackOf().mark();
    const sent = await send(body, 'application/x-www-form-urlencoded');
    const responseUrl = (payload as { response_url?: string }).response_url;
    return responseUrl ? settleUntil(sent, mark, new URL(responseUrl).pathname) : sent;
  };
  const responses = (s: Sent) => s.calls.filter((c) => c.path.startsWith('/response/')).map((c) => c.body);
  const posted = (s: Sent, path = '/api/chat.postMessage') => s.calls.filter((c) => c.path === path).map((c) => c.body);
  const textOf = (message: { text?: string }) => String(message.text ?? '');
  return { send, settle, settleUntil, command, event, interaction, responses, posted, textOf };
}
