import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { rebuildLedger, verifyLedger } from './maintenance/read-models';
import { chat, ledgerOf } from '../../../../test/support/chat';
import { ledgerTestBed } from '../../../../test/support/test-ledger';
import { LedgerId } from '../../core/ledger/ledger-id';
import { keys } from './item-keys';
import { BY_KIND_INDEX } from './table-spec';

// How the ledger sits in the table: the item layout other tools (ops, backups) rely on.
const bed = ledgerTestBed('store');

async function itemsOf(pk: string) {
  const out = await bed.table.doc.send(new QueryCommand({
    TableName: bed.table.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true,
  }));
  return out.Items ?? [];
}
const ledgerItems = (ledger: LedgerId) => itemsOf(keys.ledger(ledger));

test('the same delivery racing itself is recorded once', async () => {
  const { say } = chat(bed.deps, 'racer');
  const replies = await Promise.all(Array.from({ length: 10 }, () => say('7 pizza', 'slack:event:Ev123')));
  expect(new Set(replies).size).toBe(1);
  const items = await ledgerItems((await ledgerOf(bed.deps, 'racer')).ledger);
  expect(items.filter((i) => String(i.sk).startsWith('EXP#'))).toHaveLength(1);
  expect(items.filter((i) => String(i.sk).startsWith('IDEM#'))).toHaveLength(1);
});

test('idempotency records expire by TTL and keep no file bytes', async () => {
  await chat(bed.deps, 'ttl').say('7 pizza', 'telegram:update:1');
  const [idem] = (await ledgerItems((await ledgerOf(bed.deps, 'ttl')).ledger)).filter((i) => String(i.sk).startsWith('IDEM#'));
  expect(idem!.expiresAt).toBe(Date.parse('2026-11-29T10:00:00Z') / 1000);
  expect(JSON.parse(String(idem!.replies))[0].text[0].spans[0].text).toBe('✅ Recorded ');
});

test('events are in order, name people only by member id, and the read models agree with them', async () => {
  const { say } = chat(bed.deps, 'audit', { displayName: 'Audrey Auditor' });
  await say('10 a #food');
  await say('edit 1 amount 12');
  await say('delete 1');
  const { ledger, member } = await ledgerOf(bed.deps, 'audit');
  const items = await ledgerItems(ledger);
  const events = items.filter((i) => String(i.sk).startsWith('EV#'));
  expect(events.map((e) => e.type)).toEqual(['LedgerOpened', 'MemberJoined', 'ExpenseRecorded', 'ExpenseAmended', 'ExpenseDeleted']);
  expect(events.every((e) => e.actor === member && e.schemaVersion === 1)).toBe(true);
  // The name lives in the member item only; a personal ledger's opening names its conversation,
  // and forgetting the person deletes that whole ledger.
  expect(JSON.stringify(events)).not.toMatch(/Audrey/);
  const totals = items.filter((i) => /^T[MD]#/.test(String(i.sk)));
  expect(totals.map((t) => [t.sk, t.minor, t.count])).toEqual([['TD#2026-11-22#USD#food', 0, 0]]);
  const { pk: _pk, sk, type, ...summary } = items.find((i) => String(i.sk).startsWith('MS#'))!;
  expect([sk, type, summary]).toEqual(['MS#2026-11#USD', 'MonthSummary', { 'c:food': 0, 'n:food': 0, 'd:22': 0, 'e:22': 0 }]);
  expect(items.filter((i) => String(i.sk).startsWith('EXP#'))).toHaveLength(0);
  expect(items.find((i) => i.sk === `MEMBER#${member}`)?.name).toBe('Audrey Auditor');
});

test('the directory: the conversation leads to the ledger, the identity to its memberships, each in its own partition', async () => {
  await chat(bed.deps, 'dora').say('3 tea');
  await chat(bed.deps, 'dora', { group: 'book-club' }).say('4 tea');
  const personal = await ledgerOf(bed.deps, 'dora');
  const club = await ledgerOf(bed.deps, 'dora', { group: 'book-club' });
  expect(await itemsOf('DIR#person:local:dora')).toEqual([expect.objectContaining({ sk: 'LEDGER', ledger: personal.ledger, scope: 'personal', member: personal.member })]);
  expect(await itemsOf('DIR#group:local:book-club')).toEqual([expect.objectContaining({ sk: 'LEDGER', ledger: club.ledger, scope: 'group' })]);
  const clubEvents = (await ledgerItems(club.ledger)).filter((i) => String(i.sk).startsWith('EV#'));
  expect(JSON.stringify(clubEvents)).not.toContain('dora');
  const memberships = await itemsOf('ID#local:dora');
  expect(memberships.map((m) => [m.sk, m.ledger, m.member])).toEqual([
    ['C#group:local:book-club', club.ledger, club.member],
    ['C#person:local:dora', personal.ledger, personal.member],
  ]);
});

test('every ledger is listed in the sparse index, and nothing else is', async () => {
  await chat(bed.deps, 'lister').say('3 tea');
  const { ledger } = await ledgerOf(bed.deps, 'lister');
  const out = await bed.table.doc.send(new QueryCommand({
    TableName: bed.table.tableName, IndexName: BY_KIND_INDEX,
    KeyConditionExpression: 'kindKey = :k', ExpressionAttributeValues: { ':k': keys.ledgerListing(ledger) },
  }));
  expect(out.Items?.map((i) => [i.pk, i.sk])).toContainEqual([keys.ledger(ledger), 'META']);
  expect(out.Items?.every((i) => i.sk === 'META')).toBe(true);
});

test('a category memory is written when it changes, not again with every add of the same description', async () => {
  const written: string[] = [];
  bed.table.doc.middlewareStack.add((next) => async (args) => {
    const input = args.input as { Item?: { sk: string }; TransactItems?: { Put?: { Item: { sk: string } } }[] };
    for (const sk of [input.Item?.sk, ...(input.TransactItems ?? []).map((t) => t.Put?.Item.sk)]) if (sk?.startsWith('MEMO#')) written.push(sk);
    return next(args);
  }, { step: 'initialize', name: 'memoryWrites' });
  try {
    const { say } = chat(bed.deps, 'memo');
    await say('help');
    written.length = 0;
    const memoWrites = () => written.splice(0).length;
    await say('4.50 flat white #drinks');
    expect(memoWrites()).toBe(1);
    await say('3.80 flat white');
    expect(memoWrites()).toBe(0);
    expect(await say('edit 2 category treats')).toContain('· treats ·');
    expect(memoWrites()).toBe(1);
    expect(await say('4 flat white')).toContain('· treats ·');
    await say('5 flat white');
    expect(memoWrites()).toBe(0);
  } finally {
    bed.table.doc.middlewareStack.remove('memoryWrites');
  }
});

test('a plain add is one transaction of four items; its indexes follow it, each entry once, and a removed entry cannot come back', async () => {
  const transactions: number[] = [];
  bed.table.doc.middlewareStack.add((next) => async (args) => {
    const input = args.input as { TransactItems?: unknown[] };
    if (input.TransactItems) transactions.push(input.TransactItems.length);
    return next(args);
  }, { step: 'initialize', name: 'transactionSizes' });
  try {
    const { say } = chat(bed.deps, 'indexed');
    await say('help');
    await say('2 tea');
    transactions.length = 0;
    expect(await say('4.50 flat white')).toContain('Recorded #2');
    expect(transactions).toEqual([4]);
  } finally {
    bed.table.doc.middlewareStack.remove('transactionSizes');
  }
  const { say } = chat(bed.deps, 'indexed');
  const { ledger } = await ledgerOf(bed.deps, 'indexed');
  const index = async () => (await ledgerItems(ledger)).filter((i) => /^(W|AMT|DS|TD)#/.test(String(i.sk)));
  expect((await index()).filter((i) => !i.gone).map((i) => i.sk)).toEqual(expect.arrayContaining([
    'W#flat#2026-11-22#0000000002', 'W#white#2026-11-22#0000000002', 'AMT#2026-11#USD#000000000000450#0000000002', 'DS#2026-11#USD#flat white',
  ]));
  expect(await say('search white')).toContain('#2');
  expect(await say('delete 2')).toContain('Deleted');
  const removed = (await index()).filter((i) => String(i.sk).startsWith('W#white#'));
  expect(removed).toEqual([expect.objectContaining({ gone: true })]);
  expect(await say('search white')).not.toContain('#2');
});

test('a private conversation is found with one item read (its entry names its person); an entry without (written before) reads the membership; a group reads both', async () => {
  const keysRead: number[] = [];
  bed.table.doc.middlewareStack.add((next, context) => async (args) => {
    const input = args.input as { RequestItems?: Record<string, { Keys: { pk: string }[] }> };
    const asked = Object.values(input.RequestItems ?? {}).flatMap((r) => r.Keys);
    if (/BatchGet/.test(context.commandName ?? '') && asked.some((k) => k.pk.startsWith('DIR#') || k.pk.startsWith('ID#'))) keysRead.push(asked.length);
    return next(args);
  }, { step: 'initialize', name: 'directoryReads' });
  try {
    const { say } = chat(bed.deps, 'solo');
    await say('help');
    const personal = await ledgerOf(bed.deps, 'solo');
    keysRead.length = 0;
    expect(await say('4 tea')).toContain('Recorded #1');
    expect(keysRead).toEqual([1]);

    await bed.table.doc.send(new UpdateCommand({ TableName: bed.table.tableName, Key: { pk: 'DIR#person:local:solo', sk: 'LEDGER' }, UpdateExpression: 'REMOVE #m, #n', ExpressionAttributeNames: { '#m': 'member', '#n': 'name' } }));
    keysRead.length = 0;
    expect(await say('5 tea')).toContain('Recorded #2');
    expect(keysRead).toEqual([1, 1]);
    expect(await ledgerOf(bed.deps, 'solo')).toEqual(personal);

    await chat(bed.deps, 'solo', { group: 'tea-club' }).say('6 tea');
    keysRead.length = 0;
    await chat(bed.deps, 'solo', { group: 'tea-club' }).say('7 tea');
    expect(keysRead).toEqual([2]);
  } finally {
    bed.table.doc.middlewareStack.remove('directoryReads');
  }
});

test('the state rides on events: on every append while it is small, on every 8th version once it is not; a load starts from the newest', async () => {
  const { say } = chat(bed.deps, 'snapshots');
  const { ledger } = await (async () => { await say('1 tea'); return ledgerOf(bed.deps, 'snapshots'); })();
  const events = async () => (await ledgerItems(ledger)).filter((i) => String(i.sk).startsWith('EV#'));
  const withState = async () => (await events()).filter((e) => e.state !== undefined).map((e) => Number(String(e.sk).slice(3)));
  // The opening (opened, joined) and the first expense: each append's last event carries the state.
  expect(await withState()).toEqual([2, 3]);
  // Long category names grow the state past a kilobyte: from then on, only appends that reach a multiple of 8.
  for (let i = 2; i <= 40; i += 1) expect(await say(`${i} tea #${'category-'.repeat(3)}${i}`)).toContain(`Recorded #${i}`);
  const carried = await withState();
  expect(carried.slice(0, 5)).toEqual([2, 3, 4, 5, 6]);
  expect(carried.filter((v) => v > 30)).toEqual([32, 40]);
  expect((await events()).find((e) => e.sk === keys.event(42))?.state).toBeUndefined();
  const loaded = await bed.deps.writer.load(ledger, {});
  expect(loaded.head.version).toBe(42);
  expect(loaded.head.state.nextRef).toBe(41);
  expect(loaded.head.state.categories).toHaveLength(40);

  // Events without snapshots (restored from a backup, or written before): the whole log, then a rebuild's HEAD.
  for (const v of carried) {
    await bed.table.doc.send(new UpdateCommand({ TableName: bed.table.tableName, Key: { pk: keys.ledger(ledger), sk: keys.event(v) }, UpdateExpression: 'REMOVE #s', ExpressionAttributeNames: { '#s': 'state' } }));
  }
  expect((await bed.deps.writer.load(ledger, {})).head).toEqual(loaded.head);
  await rebuildLedger(bed.table, ledger);
  expect((await ledgerItems(ledger)).find((i) => i.sk === keys.head)?.version).toBe(42);
  expect((await bed.deps.writer.load(ledger, {})).head).toEqual(loaded.head);
  expect(await say('41 tea')).toContain('Recorded #41');
  expect((await verifyLedger(bed.table, ledger)).drift).toEqual([]);
});
