import { startFakeSlack } from '../../../../test/support/fake-slack';
import { slackHeaders, slashCommandForm } from '../../../../test/support/slack-requests';
import { startTestServer } from '../../../../test/support/test-server';

test('Slack down when the service starts: it starts anyway, and answers once Slack is back', async () => {
  const slack = await startFakeSlack();
  for (let i = 0; i < 5; i += 1) slack.failNext('auth.test', { status: 503, error: 'service_unavailable' });
  const server = await startTestServer({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'shh', SLACK_API_URL: slack.apiUrl });
  try {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const send = async (id: string) => {
      const body = slashCommandForm({ user: 'UAUTH', text: '5 tea', responseUrl: slack.responseUrl(id) });
      return fetch(`${server.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackHeaders('shh', body) }, body });
    };
    // While auth.test keeps failing, requests fail without taking the process down.
    while (slack.calls.filter((c) => c.path === '/api/auth.test').length < 5) await send('early');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await send('later')).status).toBe(200);
    const answer = await slack.waitFor('/response/later');
    expect(String(answer.body.text)).toMatch(/✅ Recorded #\d+ · \*\$5\.00\*/);
  } finally {
    await server.close();
    await slack.close();
  }
});
