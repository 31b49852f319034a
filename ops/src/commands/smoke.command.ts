import { createHmac, randomUUID } from 'node:crypto';
import { Command } from 'commander';
import { action } from '../cli';
import { OperationFailed, opsConfig, UsageError } from '../ops-context';

interface Check {
  check: string;
  ok: boolean;
  detail: string;
  ms: number;
}

async function timed(check: string, run: () => Promise<{ ok: boolean; detail: string }>): Promise<Check> {
  const started = Date.now();
  try {
    return { check, ...(await run()), ms: Date.now() - started };
  } catch (error) {
    return { check, ok: false, detail: (error as Error).message, ms: Date.now() - started };
  }
}

const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(10_000) });

/**
 * After a deploy: the service is up and ready, Slack requests signed with the secret are accepted,
 * Telegram's webhook refuses a request without the secret and takes one with it.
 */
export function registerSmokeCommand(program: Command): void {
  program.command('smoke').description('check a deployed service: health, readiness, a signed Slack request, the Telegram webhook')
    .requiredOption('--url <base URL>', 'the deployment, e.g. https://spendwise.example.com')
    .action(action(program, async (out, options: { url: string }) => {
      if (!/^https?:\/\//.test(options.url)) throw new UsageError('--url is a base URL like https://spendwise.example.com');
      const base = options.url.replace(/\/+$/, '');
      const config = opsConfig();
      const checks: Check[] = [
        await timed('healthz', async () => { const r = await get(`${base}/healthz`); return { ok: r.status === 200, detail: `HTTP ${r.status}` }; }),
        await timed('readyz', async () => { const r = await get(`${base}/readyz`); return { ok: r.status === 200, detail: `HTTP ${r.status} ${await r.text()}` }; }),
      ];
      const signingSecret = config.slack?.signingSecret;
      if (signingSecret) {
        checks.push(await timed('slack signed request', async () => {
          // url_verification: answered by Bolt itself, changes nothing.
          const challenge = randomUUID();
          const body = JSON.stringify({ type: 'url_verification', token: 'smoke', challenge });
          const ts = Math.floor(Date.now() / 1000);
          const signature = `v0=${createHmac('sha256', signingSecret).update(`v0:${ts}:${body}`).digest('hex')}`;
          const r = await fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature }, body, signal: AbortSignal.timeout(10_000) });
          const text = await r.text();
          return { ok: r.status === 200 && text.includes(challenge), detail: `HTTP ${r.status}` };
        }));
        checks.push(await timed('slack unsigned request refused', async () => {
          const r = await fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', signal: AbortSignal.timeout(10_000) });
          return { ok: r.status === 401, detail: `HTTP ${r.status} (expected 401)` };
        }));
      }
      const telegramSecret = config.telegram?.webhookSecret;
      if (telegramSecret) {
        // An update with nothing to act on: accepted, ignored.
        const update = JSON.stringify({ update_id: 0 });
        const post = (headers: Record<string, string>) => fetch(`${base}/telegram/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: update, signal: AbortSignal.timeout(10_000) });
        checks.push(await timed('telegram webhook without the secret refused', async () => { const r = await post({}); return { ok: r.status === 401, detail: `HTTP ${r.status} (expected 401)` }; }));
        checks.push(await timed('telegram webhook with the secret', async () => {
          const r = await post({ 'x-telegram-bot-api-secret-token': telegramSecret });
          return { ok: r.status === 200, detail: `HTTP ${r.status}` };
        }));
      }
      out.rows(checks.map((c) => ({ check: c.check, ok: c.ok, detail: c.detail, ms: c.ms })));
      const failedChecks = checks.filter((c) => !c.ok);
      if (failedChecks.length) throw new OperationFailed(`${failedChecks.length} check${failedChecks.length === 1 ? '' : 's'} failed`);
    }));
}
