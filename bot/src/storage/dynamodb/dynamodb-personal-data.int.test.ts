import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { postJson, startTestServer, TestServer } from '../../../../test/support/test-server';

// "Forget me" through the real server on DynamoDB Local: every item of the person is gone from the table.
let server: TestServer;
const receiptsDir = mkdtempSync(join(tmpdir(), 'forget-receipts-'));
beforeAll(async () => {
  server = await startTestServer({ RECEIPTS_DIR: receiptsDir });
});
afterAll(() => server.close());

const chat = (body: Record<string, unknown>) => postJson(`${server.url}/local/chat`, { timeZone: 'UTC', ...body });
const say = async (body: Record<string, unknown>) => (await chat(body)).json.replies.map((r: { text: string }) => r.text).join('\n');
async function scan(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await server.services.table.doc.send(new ScanCommand({ TableName: server.services.table.tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}
const files = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : []);

test('forget me: the personal ledger, its receipts and the person’s links go; the group keeps its totals; a second time finds nothing', async () => {
  const photo = readFileSync(join(__dirname, '..', '..', 'receipts', 'local', 'fixtures', 'green-leaf-cafe.png'));
  await say({ user: 'uma', text: '12.50 lunch #food' });
  const draft = (await chat({ user: 'uma', image: photo.toString('base64') })).json.replies[0];
  await chat({ user: 'uma', action: draft.choices.find((c: { label: string }) => c.label === '✅ Confirm').action });
  await say({ user: 'uma', group: 'flat-9', text: '60 team dinner' });
  // A receipt Uma sent in the group and never confirmed: its draft and image are hers.
  await chat({ user: 'uma', group: 'flat-9', image: Buffer.concat([photo, Buffer.from('group')]).toString('base64') });
  await say({ user: 'vic', group: 'flat-9', text: '40 taxi' });
  // A line Uma was asked about in the group holds her words.
  expect(await say({ user: 'uma', group: 'flat-9', text: 'I have 2 meetings today' })).toContain('count something');
  const reportBefore = await say({ user: 'vic', group: 'flat-9', text: 'report' });

  const before = await scan();
  const links = before.filter((i) => i.pk === 'ID#local:uma');
  const personal = String(links.find((i) => String(i.sk).startsWith('C#person:'))!.ledger);
  const groupLink = links.find((i) => String(i.sk).startsWith('C#group:'))!;
  expect(files(join(receiptsDir, 'receipts', personal))).toHaveLength(1);
  expect(files(join(receiptsDir, 'drafts', String(groupLink.ledger)))).toHaveLength(1);

  const asked = (await chat({ user: 'uma', text: 'forget me' })).json.replies[0];
  expect((await scan()).length).toBe(before.length);
  const done = await say({ user: 'uma', action: asked.choices[0].action });
  expect(done).toContain('your personal ledger: 2 expenses');
  expect(done).toContain('1 group ledger');

  const after = await scan();
  const mentions = after.filter((i) => {
    const text = JSON.stringify(i);
    return text.includes('local:uma') || text.includes(personal) || text.includes('"uma"') || text.includes('meetings')
      || (text.includes(String(groupLink.member)) && (String(i.sk).startsWith('MEMBER#') || String(i.sk).startsWith('RDRAFT#')));
  });
  expect(mentions).toEqual([]);
  expect(files(join(receiptsDir, 'receipts', personal))).toEqual([]);
  expect(files(join(receiptsDir, 'drafts', String(groupLink.ledger)))).toEqual([]);
  expect(await say({ user: 'vic', group: 'flat-9', text: 'report' })).toBe(reportBefore);
  expect(await say({ user: 'vic', group: 'flat-9', text: 'list' })).toMatch(/team dinner · .* · by a former member/);
  expect(await say({ user: 'uma', text: 'forget me for good' })).toBe('I hold nothing about you: there was nothing to forget.');
  expect((await scan()).length).toBe(after.length);
}, 60_000);

test('export all: a ledger of more than one page, its receipt, and the person’s group entries, in one zip of sensible size', async () => {
  const { unzipSync, strFromU8 } = await import('fflate');
  const photo = readFileSync(join(__dirname, '..', '..', 'receipts', 'local', 'fixtures', 'green-leaf-cafe.png'));
  const count = 503; // more than one page of the store's (500)
  for (let i = 0; i < count; i += 1) await say({ user: 'wes', text: `${i + 1}.25 item #food 2026-0${1 + (i % 9)}-15` });
  const draft = (await chat({ user: 'wes', image: photo.toString('base64') })).json.replies[0];
  await chat({ user: 'wes', action: draft.choices.find((c: { label: string }) => c.label === '✅ Confirm').action });
  await say({ user: 'wes', group: 'flat-10', text: '60 team dinner' });
  await say({ user: 'xia', group: 'flat-10', text: '40 taxi' });

  const reply = (await chat({ user: 'wes', text: 'export all' })).json.replies[0];
  expect(reply.text).toContain(`${count + 1} expenses in your ledger, and 1 you recorded in 1 group`);
  expect(reply.file).toMatchObject({ mimeType: 'application/zip' });
  const zipped = Buffer.from(reply.file.base64, 'base64');
  const files = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(zipped))).map(([name, bytes]) => [name, strFromU8(bytes)]));
  const rows = files['personal/expenses.csv']!.trim().split('\r\n');
  expect(rows).toHaveLength(count + 2);
  // Oldest date first, every expense once.
  expect(rows[1]).toMatch(/^2026-01-15,/);
  expect(new Set(rows.slice(1).map((r) => r.split(',').at(-1))).size).toBe(count + 1);
  expect(JSON.parse(files['personal/receipts.json']!)).toEqual([expect.objectContaining({ amount: '22.89', receipt: expect.any(String) })]);
  expect(files['groups/1/my-expenses.csv']).toContain('team dinner');
  expect(files['groups/1/my-expenses.csv']).not.toContain('taxi');
  expect(files['groups/1/group-totals.csv']).toContain('USD,transport,40.00,1');
  // Compressed: well under the CSV's own size.
  expect(zipped.byteLength).toBeLessThan(files['personal/expenses.csv']!.length / 2);
}, 120_000);
