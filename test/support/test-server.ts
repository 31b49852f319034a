import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, httpDepsFor, Services, startChannels } from '../../bot/src/composition';
import { loadConfig } from '../../bot/src/config/config';
import { createHttpApp } from '../../bot/src/http/server';
import { createLogger } from '../../bot/src/logger';
import { testEndpoint } from './test-ledger';
import { Clock } from '../../bot/src/core/ports/clock.port';

export interface TestServer {
  readonly url: string;
  readonly services: Services;
  close(): Promise<void>;
}

/** The real service (config, composition, Express) on a free loopback port, on the run's DynamoDB Local. */
export async function startTestServer(env: Record<string, string> = {}, options: { clock?: Clock; slackWorkInFlight?: number } = {}): Promise<TestServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    AWS_ENDPOINT_URL_DYNAMODB: testEndpoint(),
    SPENDWISE_TABLE: `http-${randomUUID().slice(0, 8)}`,
    RECEIPTS_DIR: mkdtempSync(join(tmpdir(), 'receipts-')),
    LOG_LEVEL: 'silent',
    // Tests that load one ledger with many messages would meet the write limits; the limits' own tests set them.
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_PER_DAY: '0',
    // Tests call services.scheduler.tick() when they want a look; the timer stays out of their way.
    SCHEDULER_INTERVAL_SECONDS: '3600',
    ...env,
  });
  const log = createLogger(config.logLevel);
  const services = await createServices(config, log, options);
  const app = createHttpApp(httpDepsFor(config, services, log));
  const server: Server = await new Promise((done) => {
    const s = app.listen(0, '127.0.0.1', () => done(s));
  });
  const { port } = server.address() as AddressInfo;
  await startChannels(config, services, log);
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await services.close();
    },
  };
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}
