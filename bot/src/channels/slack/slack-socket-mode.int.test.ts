import { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { startFakeSlack } from '../../../../test/support/fake-slack';
import { startTestServer } from '../../../../test/support/test-server';

/** Slack's side of Socket Mode on loopback: says hello, sends envelopes, collects the acks. */
async function startSocketStandIn() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  const acks: Record<string, unknown>[] = [];
  let socket: WebSocket | undefined;
  const connected = new Promise<void>((resolve) => {
    server.on('connection', (ws) => {
      socket = ws;
      ws.on('message', (data) => acks.push(JSON.parse(String(data))));
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A111' }, debug_info: { host: 'local' } }));
      resolve();
    });
  });
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`,
    connected,
    acks,
    send: (envelope: object) => socket!.send(JSON.stringify(envelope)),
    close: () => new Promise<void>((resolve) => {
      for (const client of server.clients) client.terminate();
      server.close(() => resolve());
    }),
  };
}

test('Socket Mode: connects with the app token, acks each envelope, and answers through the same core', async () => {
  const slack = await startFakeSlack();
  const socket = await startSocketStandIn();
  slack.setSocketUrl(socket.url);
  const server = await startTestServer({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-1-test', SLACK_API_URL: slack.apiUrl });
  try {
    await socket.connected;
    // Over Socket Mode there is no HTTP route to sign or reach.
    expect((await fetch(`${server.url}/slack/events`, { method: 'POST' })).status).toBe(404);
    const mark = slack.mark();
    socket.send({
      envelope_id: 'env-1', type: 'slash_commands', accepts_response_payload: true,
      payload: { team_id: 'T111', user_id: 'USOCK', user_name: 'sock', channel_id: 'DSOCK', command: '/spend', text: '12.50 lunch #food', response_url: slack.responseUrl('sock'), trigger_id: '1.2.3' },
    });
    const answer = await slack.waitFor('/response/sock', mark);
    expect(String(answer.body.text)).toContain('Recorded #1 · *$12.50* · food · lunch');
    expect(socket.acks).toContainEqual(expect.objectContaining({ envelope_id: 'env-1' }));
    socket.send({
      envelope_id: 'env-2', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '',
      payload: { team_id: 'T111', api_app_id: 'A111', type: 'event_callback', event_id: 'EvSOCK', event_time: 1, event: { type: 'message', channel: 'DSOCK', channel_type: 'im', user: 'USOCK', text: 'list', ts: '1.1' } },
    });
    const listed = await slack.waitFor('/api/chat.postMessage', mark);
    expect(String(listed.body.text)).toContain('Latest 1');
  } finally {
    await server.close();
    await socket.close();
    await slack.close();
  }
});
