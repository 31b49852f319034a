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
    'README.txt', 'groups/1/group-totals.csv', 'groups/1/ledger.json', 'groups/1/my-expenses.csv',
    'personal/expenses.csv', 'personal/ledger.json', 'personal/receipts.json',
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

test('given a group, when someone asks there for everything, then they are told privately to ask in a private chat', async () => {
  const [refused] = await inGroup('3').sendText('export all');
  expect(refused).toMatchObject({ audience: 'sender' });
  expect(textOf([refused!])).toContain('only to a private chat');
  expect(refused!.file).toBeUndefined();
});
