import { randomUUID } from 'node:crypto';
import { testEndpoint } from '../support/test-ledger';
import { startService, Started, waitForLog } from '../support/service-process';

// Two service tasks on one table, each looking every second: every due run happens exactly once.
const PEOPLE = 12;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

async function post(port: unknown, user: string, text: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/local/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, text }) });
  return ((await res.json()) as { replies: { text: string }[] }).replies.map((r) => r.text).join('\n');
}

async function mailbox(port: unknown, user: string): Promise<string[]> {
  const res = await fetch(`http://127.0.0.1:${port}/local/messages?user=${user}&after=0000000000000000&wait=0`);
  return ((await res.json()) as { replies: { text: string }[] }).replies.map((r) => r.text);
}

test('two service processes on one table record every due item exactly once', async () => {
  const env = { AWS_ENDPOINT_URL_DYNAMODB: testEndpoint(), SPENDWISE_TABLE: `sched-${randomUUID().slice(0, 8)}`, SCHEDULER_INTERVAL_SECONDS: '1', LOG_LEVEL: 'info' };
  const tasks: Started[] = [startService(env)];
  try {
    const portA = (await waitForLog(tasks[0]!, 'listening', 30_000)).port;
    tasks.push(startService(env));
    const portB = (await waitForLog(tasks[1]!, 'listening', 30_000)).port;
    const now = new Date();
    const people = Array.from({ length: PEOPLE }, (_, i) => `sched${i}`);
    // Due today (the ledgers are on UTC): both processes find them at their next look.
    await Promise.all(people.map(async (p, i) => {
      const port = i % 2 ? portA : portB;
      expect(await post(port, p, `recurring add monthly ${now.getUTCDate()} 10 rent`)).toContain('(today)');
      expect(await post(port, p, `recurring add weekly ${WEEKDAYS[now.getUTCDay()]} 5 gym`)).toContain('(today)');
    }));
    const recorded = async (p: string) => (await post(portB, p, 'list 50')).split('\n').filter((l) => /^• #\d+/.test(l));
    const deadline = Date.now() + 30_000;
    while ((await Promise.all(people.map(recorded))).some((lines) => lines.length < 2) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    // A few more looks by both: nothing more is recorded, nothing is said twice.
    await new Promise((r) => setTimeout(r, 3_000));
    for (const p of people) {
      expect((await recorded(p)).map((l) => l.replace(/^• #\d+ · /, '').split(' · ')[0]).sort()).toEqual(['$10.00', '$5.00']);
      const said = (await mailbox(portA, p)).filter((t) => t.startsWith('🔁 Recorded'));
      expect(said).toHaveLength(2);
    }
    // Between them the two processes claimed each run once.
    const claims = tasks.flatMap((t) => t.lines().filter((l) => l.msg === 'scheduler: ran what was due').map((l) => Number(l.claimed)));
    expect(claims.reduce((a, b) => a + b, 0)).toBe(PEOPLE * 2);
  } finally {
    for (const t of tasks) t.child.kill('SIGTERM');
    await Promise.all(tasks.map((t) => t.exit));
  }
}, 90_000);

test('SCHEDULER=off: a task that records nothing by itself, however often it would look', async () => {
  const { startTestServer, postJson } = await import('../support/test-server');
  const server = await startTestServer({ SCHEDULER: 'off', SCHEDULER_INTERVAL_SECONDS: '1' });
  try {
    expect(server.services.scheduler).toBeUndefined();
    const now = new Date();
    const added = await postJson(`${server.url}/local/chat`, { user: 'off', text: `recurring add monthly ${now.getUTCDate()} 10 rent` });
    expect(added.json.replies[0].text).toContain('(today)');
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await postJson(`${server.url}/local/chat`, { user: 'off', text: 'list' })).json.replies[0].text).toMatch(/^No expenses yet/);
  } finally {
    await server.close();
  }
});
