import { networkInterfaces } from 'node:os';
import { AddressInfo } from 'node:net';
import { createHttpApp } from './server';
import { createLogger } from '../logger';
import { postJson, startTestServer, TestServer } from '../../../test/support/test-server';
import { unreachableTable } from '../../../test/support/test-ledger';
import { tableAnswers } from '../storage/dynamodb/ensure-table';
import { textReply } from '../core/conversation/reply';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const chat = (body: unknown) => postJson(`${server.url}/local/chat`, body);

test('GET /healthz is 200 while the process is up', async () => {
  const res = await fetch(`${server.url}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
});

test('GET /readyz is 200 when DynamoDB answers', async () => {
  const res = await fetch(`${server.url}/readyz`);
  expect(res.status).toBe(200);
});

test('GET /readyz is 503 while DynamoDB does not answer', async () => {
  const dead = unreachableTable();
  const app = createHttpApp({ core: server.services.core, mailbox: server.services.mailbox, downloads: server.services.spool, log: createLogger('silent'), isReady: () => tableAnswers(dead), localChat: false });
  const listening = app.listen(0, '127.0.0.1');
  await new Promise((r) => listening.once('listening', r));
  try {
    const res = await fetch(`http://127.0.0.1:${(listening.address() as AddressInfo).port}/readyz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { status: string }).status).toBe('unavailable');
  } finally {
    listening.closeAllConnections();
    listening.close();
    dead.doc.destroy();
  }
});

test('POST /local/chat records an expense and answers with normalised replies', async () => {
  const { status, json } = await chat({ user: 'alice', text: '12.50 lunch #food', id: 'm-1', timeZone: 'Europe/Paris' });
  expect(status).toBe(200);
  expect(json.replies).toHaveLength(1);
  expect(json.replies[0].text).toMatch(/^✅ Recorded #1 · \$12\.50 · food · lunch · /);
  expect(json.replies[0].choices).toEqual([
    { label: 'Undo', action: 'undo:1' },
    { label: 'Edit', action: 'edit:1' },
    { label: 'Change category', action: 'cat:1' },
  ]);
});

test('the same id sent twice records nothing twice', async () => {
  const first = await chat({ user: 'bob', text: '9 pizza', id: 'dup-1' });
  const second = await chat({ user: 'bob', text: '9 pizza', id: 'dup-1' });
  expect(second.json).toEqual(first.json);
  const list = await chat({ user: 'bob', text: 'list' });
  expect(list.json.replies[0].text.split('\n')).toHaveLength(2);
});

test('posting a choice’s action presses it', async () => {
  const added = await chat({ user: 'carol', text: '4 tea' });
  const undo = added.json.replies[0].choices[0].action;
  const pressed = await chat({ user: 'carol', action: undo });
  expect(pressed.json.replies[0].text).toContain('Deleted #1');
  expect((await chat({ user: 'carol', text: 'list' })).json.replies[0].text).toContain('No expenses yet');
});

test('export answers with a CSV file as base64, with its name and MIME type', async () => {
  await chat({ user: 'dave', text: '3.50 coffee' });
  const { json } = await chat({ user: 'dave', text: 'export' });
  const file = json.replies[0].file;
  expect(file.mimeType).toBe('text/csv');
  expect(file.name).toMatch(/^spendwise-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = Buffer.from(file.base64, 'base64').toString('utf8');
  expect(csv.split('\r\n')[0]).toBe('date,amount,currency,category,description,reference');
  expect(csv).toMatch(/\r\n\d{4}-\d{2}-\d{2},3\.50,USD,food,coffee,#1\r\n$/);
});

test('report answers with its text, then the chart as a PNG image beside a short caption', async () => {
  await chat({ user: 'rita', text: '12.50 lunch #food' });
  const { json } = await chat({ user: 'rita', text: 'report' });
  expect(json.replies[0].text).toContain('Spending in');
  expect(json.replies[0].image).toBeUndefined();
  const { text, image } = json.replies[1];
  expect(text).toMatch(/^📊 USD: spending in /);
  expect(image.mimeType).toBe('image/png');
  expect(image.name).toMatch(/^spendwise-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}-USD\.png$/);
  const png = Buffer.from(image.base64, 'base64');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(1000); // IHDR width
});

test.each([
  ['no user', { text: 'hi' }],
  ['a user with a colon, which could name another ledger', { user: 'slack:T1:U1', text: 'list' }],
  ['both text and action', { user: 'eve', text: 'list', action: 'undo:1' }],
  ['neither text nor action', { user: 'eve' }],
  ['unknown fields', { user: 'eve', text: 'list', ledger: 'local:alice' }],
  ['a number as text', { user: 'eve', text: 12 }],
])('400 for %s', async (_name, body) => {
  const { status, json } = await chat(body);
  expect(status).toBe(400);
  expect(json.error).toBe('invalid request');
});

test('400 for a body that is not JSON, and the server keeps serving', async () => {
  const { status } = await postJson(`${server.url}/local/chat`, '{"user": "eve", "text": ');
  expect(status).toBe(400);
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
});

test('bad chat input gets a reply with an example, not an HTTP error', async () => {
  const { status, json } = await chat({ user: 'frank', text: '12 ABC lunch' });
  expect(status).toBe(200);
  expect(json.replies[0].text).toBe('⚠️ I don\'t know the currency "ABC". Use an ISO code such as EUR, USD or VND.\nFor example: coffee 3.20 EUR');
});

test('GET / serves the chat page, and unknown paths are 404', async () => {
  const page = await fetch(`${server.url}/`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toContain('text/html');
  expect(await page.text()).toContain("fetch('/local/chat'");
  expect((await fetch(`${server.url}/nope`)).status).toBe(404);
});

test('the local chat only answers loopback clients', async () => {
  const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
  if (!external) {
    console.warn('skipped: this machine has no non-loopback IPv4 address to call from');
    return;
  }
  const app = createHttpApp({ core: server.services.core, mailbox: server.services.mailbox, downloads: server.services.spool, log: createLogger('silent'), isReady: async () => true, localChat: true });
  const listening = app.listen(0, external.address);
  await new Promise((r) => listening.once('listening', r));
  try {
    const { status } = await postJson(`http://${external.address}:${(listening.address() as AddressInfo).port}/local/chat`, { user: 'mallory', text: 'list' });
    expect(status).toBe(403);
  } finally {
    listening.closeAllConnections();
    listening.close();
  }
});

test('with the local chat off (production) its routes do not exist', async () => {
  const app = createHttpApp({ core: server.services.core, mailbox: server.services.mailbox, downloads: server.services.spool, log: createLogger('silent'), isReady: async () => true, localChat: false });
  const listening = app.listen(0, '127.0.0.1');
  await new Promise((r) => listening.once('listening', r));
  try {
    const base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    expect((await postJson(`${base}/local/chat`, { user: 'x', text: 'list' })).status).toBe(404);
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  } finally {
    listening.closeAllConnections();
    listening.close();
  }
});

test('replies produced later reach the local chat through a long poll with a cursor', async () => {
  const get = async (query: string) => {
    const res = await fetch(`${server.url}/local/messages?${query}`);
    return { status: res.status, json: (await res.json()) as { replies: { text: string; html: string }[]; cursor: string } };
  };
  const start = await get('user=poller');
  expect(start.json.replies).toEqual([]);
  const later = (text: string) => server.services.core.outbound.post({ platform: 'local', conversationId: 'u:poller' }, [textReply(text)]);
  // Waiting: the answer comes as soon as the reply is posted, not when the wait runs out.
  const waiting = get(`user=poller&after=${start.json.cursor}&wait=20`);
  await new Promise((r) => setTimeout(r, 300));
  const posted = Date.now();
  await later('🔔 a <b>digest</b>');
  const first = await waiting;
  expect(Date.now() - posted).toBeLessThan(5_000);
  expect(first.json.replies.map((r) => [r.text, r.html])).toEqual([['🔔 a <b>digest</b>', '🔔 a &lt;b&gt;digest&lt;/b&gt;']]);
  await later('second');
  await later('third');
  const next = await get(`user=poller&after=${first.json.cursor}&wait=0`);
  expect(next.json.replies.map((r) => r.text)).toEqual(['second', 'third']);
  expect((await get(`user=poller&after=${next.json.cursor}&wait=0`)).json.replies).toEqual([]);
  // Another chat's replies are not mine.
  expect((await get(`user=someone-else&after=${start.json.cursor}&wait=0`)).json.replies).toEqual([]);
  expect((await get('user=bad%20name')).status).toBe(400);
});

test('a form can be submitted through the local chat, and a group chat is its own ledger', async () => {
  await chat({ user: 'gina', group: 'flat-3', text: '30 groceries' });
  const { json } = await chat({ user: 'gina', group: 'flat-3', form: { action: 'editform:1', values: { amount: '31' } } });
  expect(json.replies[0].text).toContain('Updated #1 · $31.00 · groceries · groceries');
  expect(json.replies[0].text).toContain('by gina');
  expect((await chat({ user: 'gina', text: 'list' })).json.replies[0].text).toContain('No expenses yet');
  expect((await chat({ user: 'gina', text: 'x', action: 'undo:1' })).status).toBe(400);
});

test('a receipt photo through the local chat: read on this machine, a draft, Confirm, the photo back with `receipt 1`', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const photo = readFileSync(join(__dirname, '..', 'receipts', 'local', 'fixtures', 'green-leaf-cafe.png')).toString('base64');
  const { status, json } = await chat({ user: 'rosa', image: photo, timeZone: 'UTC' });
  expect(status).toBe(200);
  expect(json.replies[0].text).toContain('🧾 Receipt: GREEN LEAF CAFE');
  expect(json.replies[0].text).toContain('Total: $22.89');
  const confirm = json.replies[0].choices.find((c: { label: string }) => c.label === '✅ Confirm').action;
  expect((await chat({ user: 'rosa', action: confirm })).json.replies[0].text).toContain('Recorded #1 · $22.89 · food · GREEN LEAF CAFE');
  const back = (await chat({ user: 'rosa', text: 'receipt 1' })).json.replies[0];
  expect(back.image).toMatchObject({ name: 'receipt-1.png', mimeType: 'image/png', base64: photo });
  expect((await chat({ user: 'rosa', image: 'aGVsbG8=' })).json.replies[0].text).toContain('not a photo I can read');
  expect((await chat({ user: 'rosa', image: photo, action: confirm })).status).toBe(400);
}, 60_000);

test('an iPhone HEIC photo through the local chat is read like any other, and comes back as the JPEG it was read from', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const photo = readFileSync(join(__dirname, '..', 'receipts', 'local', 'fixtures', 'green-leaf-cafe.heic')).toString('base64');
  const { json } = await chat({ user: 'hana', image: photo, timeZone: 'UTC' });
  expect(json.replies[0].text).toContain('Total: $22.89');
  const confirm = json.replies[0].choices.find((c: { label: string }) => c.label === '✅ Confirm').action;
  expect((await chat({ user: 'hana', action: confirm })).json.replies[0].text).toContain('Recorded #1 · $22.89');
  expect((await chat({ user: 'hana', text: 'receipt 1' })).json.replies[0].image).toMatchObject({ mimeType: 'image/jpeg' });
  expect((await chat({ user: 'hana', image: photo })).json.replies[0].text).toContain('already recorded');
}, 60_000);
