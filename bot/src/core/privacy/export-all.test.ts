import { unzipSync, strFromU8 } from 'fflate';
import { chat, textOf } from '../../../../test/support/chat';
import { inMemoryCore } from '../../../../test/support/in-memory-core';
import { readFile } from '../conversation/reply';

// `export all` on in-memory ports; through the real server on DynamoDB Local in export-all.int.test.ts.
let core: ReturnType<typeof inMemoryCore>;
beforeEach(() => {
  core = inMemoryCore();
});
const alone = (user: string) => chat(core.deps, user, { platform: 'telegram', displayName: user, hints: { timeZone: 'UTC' } });
const inGroup = (user: string) => chat(core.deps, user, { platform: 'telegram', group: '-100400', displayName: user });

async function exported(user: string) {
  const [reply] = await alone(user).sendText('export all');
  const zip = unzipSync(new Uint8Array(await readFile(reply!.file!)));
  return { reply: reply!, files: Object.fromEntries(Object.entries(zip).map(([name, bytes]) => [name, strFromU8(bytes)])) };
}

test('given Ana’s ledger and her entries in a group, when she asks for everything, then one zip holds her expenses, settings, budgets, receipts and only her group entries with the group’s totals', async () => {
  await alone('1').say('12.50 lunch #food 2026-11-20');
  await alone('1').say('3 coffee, "strong" 2026-11-21');
  await alone('1').say('budget food 300');
  await alone('1').say('currency EUR');
  await inGroup('1').say('60 team dinner #food');
  await inGroup('2').say('40 taxi #transport');

  const { reply, files } = await exported('1');
  expect(textOf([reply])).toBe('📦 Everything I hold about you: 2 expenses in your ledger, and 1 you recorded in 1 group.');
  expect(reply.file).toMatchObject({ mimeType: 'application/zip', name: 'spendwise-everything-2026-11-22.zip' });
  expect(Object.keys(files).sort()).toEqual([
    'README.txt', 'groups/1/group-totals.csv', 'groups/1/ledger.json', 'groups/1/my-expenses.csv', 'groups/1/my-pending-questions.json',
    'personal/expenses.csv', 'personal/ledger.json', 'personal/pending-questions.json', 'personal/receipts.json',
  ]);
  // The same rows as `export` gives for the same expenses.
  const [single] = await alone('1').sendText('export 2026-11');
  expect(files['personal/expenses.csv']).toBe((await readFile(single!.file!)).toString('utf8'));
  expect(JSON.parse(files['personal/ledger.json']!)).toMatchObject({ settings: { currency: 'EUR' }, budgets: [{ budget: 'food', monthly: '300.00', currency: 'USD' }] });
  expect(JSON.parse(files['personal/receipts.json']!)).toEqual([]);
  expect(files['groups/1/my-expenses.csv']).toContain('team dinner');
  expect(files['groups/1/my-expenses.csv']).not.toContain('taxi');
  expect(files['groups/1/group-totals.csv']).toBe('currency,category,amount,count\r\nUSD,food,60.00,1\r\nUSD,transport,40.00,1\r\n');
  expect(JSON.parse(files['groups/1/ledger.json']!)).toMatchObject({ platform: 'telegram', chat: '-100400' });
});

test('given lines Ana was asked about today, alone and in a group, when she asks for everything, then her words as read are in it, and nobody else’s', async () => {
  await alone('6').say('I have 2 meetings today');
  await alone('6').say('taxi 50 100');
  await inGroup('6').say('bought 3 items');
  await inGroup('7').say('got 4 tickets');

  const { files } = await exported('6');
  expect(JSON.parse(files['personal/pending-questions.json']!)).toEqual([
    { asked: '2026-11-22T10:00:00.000Z', readings: [{ date: '2026-11-22', amount: '2.00', currency: 'USD', description: 'I have meetings' }] },
    { asked: '2026-11-22T10:00:00.000Z', readings: [expect.objectContaining({ amount: '50.00' }), expect.objectContaining({ amount: '100.00' })] },
  ]);
  const inTheGroup = JSON.parse(files['groups/1/my-pending-questions.json']!);
  expect(inTheGroup).toEqual([{ asked: '2026-11-22T10:00:00.000Z', readings: [expect.objectContaining({ amount: '3.00', description: expect.stringContaining('items') })] }]);
  expect(files['groups/1/my-pending-questions.json']).not.toContain('tickets');
});

test('given a group, when someone asks there for everything, then they are told privately to ask in a private chat', async () => {
  const [refused] = await inGroup('3').sendText('export all');
  expect(refused).toMatchObject({ audience: 'sender' });
  expect(textOf([refused!])).toContain('only to a private chat');
  expect(refused!.file).toBeUndefined();
});

/** Descriptions that deflate cannot squeeze to nothing, so the zip grows as the ledger is read. */
const wordy = (i: number) => Array.from({ length: 12 }, (_, k) => ['tea', 'rice', 'bus', 'soap', 'milk', 'fuel', 'rent', 'gift', 'book', 'cake', 'fish', 'salt'][(i * 7 + k * k * 13 + i * k) % 12]).join(' ') + ` ${(i * 7919).toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]!)}`;

test('given a ledger of several pages, when the person asks for everything, then the zip goes to the spool while the ledger is still being read, and nothing is left there once the reply is released', async () => {
  for (let i = 0; i < 700; i += 1) await alone('4').say(`${(i % 90) + 1}.${String(i % 100).padStart(2, '0')} ${wordy(i)} 2026-${String((i % 11) + 1).padStart(2, '0')}-10`);
  // What happened in order: each page read of the ledger, each write to the spool.
  const order: string[] = [];
  const pages = core.deps.expenses.pages.bind(core.deps.expenses);
  core.deps = {
    ...core.deps,
    expenses: { ...core.deps.expenses, pages: async function* (ledger) { for await (const page of pages(ledger)) { order.push('page'); yield page; } } },
    spool: { create: async (name, type) => { const out = await core.spool.create(name, type); return { ...out, write: (bytes) => (order.push('write'), out.write(bytes)) }; } },
  };

  const [reply] = await alone('4').sendText('export all');
  expect(textOf([reply!])).toContain('700 expenses in your ledger');
  const rows = strFromU8(unzipSync(new Uint8Array(await readFile(reply!.file!)))['personal/expenses.csv']!).trim().split('\r\n');
  expect(rows).toHaveLength(701);
  expect(rows[1]).toContain('2026-01-10');
  // The ledger is read once, in 7 pages, and bytes went to the spool before its last page was read.
  const pagesAt = order.map((e, i) => [e, i] as const).filter(([e]) => e === 'page').map(([, i]) => i);
  expect(pagesAt).toHaveLength(7);
  expect(order.slice(pagesAt[0], pagesAt[6]).filter((e) => e === 'write').length).toBeGreaterThan(0);
  expect(core.spool.held).toBe(1);
  await reply!.file!.release!();
  expect(core.spool.held).toBe(0);
});

test('given the ledger cannot be read half way, when the person asks for everything, then they are told it failed and the spool keeps nothing', async () => {
  for (let i = 0; i < 150; i += 1) await alone('5').say(`${i + 1} lunch 2026-11-0${(i % 9) + 1}`);
  const pages = core.deps.expenses.pages.bind(core.deps.expenses);
  core.deps = {
    ...core.deps,
    expenses: { ...core.deps.expenses, pages: async function* (ledger) { let n = 0; for await (const page of pages(ledger)) { if ((n += 1) > 1) throw new Error('table unreachable'); yield page; } } },
  };
  const replies = await alone('5').sendText('export all');
  expect(textOf(replies)).toContain('Something went wrong on my side');
  expect(replies.some((r) => r.file)).toBe(false);
  expect(core.spool.held).toBe(0);
});
