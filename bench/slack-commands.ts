import express from 'express';
import { App, ExpressReceiver } from '@slack/bolt';
import { FakeSlack, startFakeSlack } from '../test/support/fake-slack';
import { slackHeaders, slashCommandForm } from '../test/support/slack-requests';
import { floorStorage, percentile, serve, spendwiseServer } from './chat-floor';

const SECRET = 'bench-signing-secret';

/**
 * Signed `/spend` adds, `concurrency` at a time: the ack latency of each (the HTTP answer), and adds
 * per second counted until every answer has reached the response_url.
 */
async function drive(url: string, slack: FakeSlack, count: number, concurrency: number, people: number) {
  const acks: number[] = [];
  const mark = slack.mark();
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      const body = slashCommandForm({ user: `UB${i % people}`, text: `${(i % 40) + 1}.50 lunch #food`, responseUrl: slack.responseUrl(`bench-${i}`) });
      const t = process.hrtime.bigint();
      const res = await fetch(`${url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackHeaders(SECRET, body) }, body });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`slack answered ${res.status}`);
      acks.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }));
  const answered = () => slack.since(mark).filter((c) => c.path.startsWith('/response/bench-')).length;
  while (answered() < count) await new Promise((r) => setTimeout(r, 5));
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, acks };
}

/** The floor: a bare Bolt app that acks, does an add's DynamoDB work (see floorStorage) and responds. */
async function bareBoltFloor(endpoint: string, apiUrl: string) {
  const storage = await floorStorage(endpoint);
  const receiver = new ExpressReceiver({ signingSecret: SECRET, endpoints: '/slack/events', processBeforeResponse: false });
  const app = new App({ token: 'xoxb-test', receiver, clientOptions: { slackApiUrl: apiUrl }, convoStore: false });
  app.command('/spend', async ({ ack, command, respond }) => {
    await ack();
    await storage.addWork(command.user_id, command.text);
    await respond({ response_type: 'ephemeral', text: `Recorded ${command.text}` });
  });
  const web = express();
  web.use(receiver.router);
  return serve(web, () => storage.close());
}

export async function benchSlackCommands(endpoint: string, count: number, concurrency: number): Promise<void> {
  const slack = await startFakeSlack();
  const spendwise = await spendwiseServer(endpoint, { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl });
  const ours = spendwise.url;
  const floor = await bareBoltFloor(endpoint, slack.apiUrl);
  try {
    await drive(ours, slack, concurrency * 2, concurrency, concurrency);
    await drive(floor.url, slack, concurrency * 2, concurrency, concurrency);
    const floorRun = await drive(floor.url, slack, count, concurrency, concurrency);
    const ourRun = await drive(ours, slack, count, concurrency, concurrency);
    const rate = (r: { seconds: number }) => count / r.seconds;
    const line = (label: string, r: typeof ourRun) =>
      `  ${label.padEnd(24)} ${rate(r).toFixed(0).padStart(6)} /s   ack p50 ${percentile(r.acks, 0.5).toFixed(1)} ms, p99 ${percentile(r.acks, 0.99).toFixed(1)} ms`;
    console.log(`\nSlack /spend adds (${count} signed commands from ${concurrency} people, ${concurrency} at a time, answered through response_url)`);
    console.log(line('bare Bolt floor', floorRun));
    console.log(line('Spendwise', ourRun));
    console.log(`  ratio Spendwise / floor  ${(rate(ourRun) / rate(floorRun)).toFixed(2).padStart(6)}`);
  } finally {
    await floor.close();
    await spendwise.close();
    await slack.close();
  }
}
