import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { createServices, Services } from '../composition';
import { loadConfig } from '../config/config';
import { createLogger } from '../logger';
import { startDynamoDbLocal, RunningDynamoDbLocal } from '../storage/dynamodb/dynamodb-local';
import { createHttpApp } from './server';
import { postJson } from '../../../test/support/test-server';

// Its own DynamoDB Local, which the test stops under the running server.
let db: RunningDynamoDbLocal;
let services: Services;
let server: Server;
let base: string;

beforeAll(async () => {
  db = await startDynamoDbLocal();
  const config = loadConfig({ NODE_ENV: 'test', AWS_ENDPOINT_URL_DYNAMODB: db.endpoint, LOG_LEVEL: 'silent' });
  services = await createServices(config, createLogger('silent'));
  server = createHttpApp({ core: services.core, mailbox: services.mailbox, downloads: services.spool, log: createLogger('silent'), isReady: services.isReady, localChat: true }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await services.close();
  await db.stop();
});

test('when DynamoDB goes away: /readyz turns 503, a write says try again, and the process keeps serving', async () => {
  expect((await postJson(`${base}/local/chat`, { user: 'o', text: '5 tea' })).json.replies[0].text).toContain('Recorded #1');
  expect((await fetch(`${base}/readyz`)).status).toBe(200);

  await db.stop();

  expect((await fetch(`${base}/readyz`)).status).toBe(503);
  const { status, json } = await postJson(`${base}/local/chat`, { user: 'o', text: '7 cake' });
  expect(status).toBe(200);
  expect(json.replies[0].text).toBe('⏳ I could not reach my storage just now, so nothing was saved. Please try again in a moment.');
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
});
