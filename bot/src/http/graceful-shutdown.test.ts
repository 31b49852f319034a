import express from 'express';
import { AddressInfo } from 'node:net';
import { closeGracefully } from './graceful-shutdown';

test('a request in flight when shutdown starts still gets its answer; new connections are refused', async () => {
  const app = express();
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let arrived!: () => void;
  const inFlight = new Promise<void>((r) => (arrived = r));
  app.get('/slow', async (_req, res) => {
    arrived();
    await held;
    res.send('done');
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const slow = fetch(`${url}/slow`).then((r) => r.text());
  await inFlight;
  const closed = closeGracefully(server, 10_000);
  await expect(fetch(`${url}/slow`)).rejects.toThrow();
  release();
  expect(await slow).toBe('done');
  await closed;
});
