import { chat, textOf } from '../../../../test/support/chat';
import { fixedClock, inMemoryCore } from '../../../../test/support/in-memory-core';
import { pngImage } from '../../../../test/support/receipt-images';
import { createInMemoryReceiptImages } from '../../receipts/receipt-images';
import { createInMemoryReceiptDrafts } from '../../storage/in-memory/in-memory-store';
import { createInMemoryWriteCounters } from '../../storage/in-memory/in-memory-write-counters';
import { CoreDeps } from '../core-deps';
import { InboundFile } from '../conversation/inbound-message';
import { ScannedReceipt } from '../receipts/scanned-receipt';

// The write limits through the core, on in-memory ports: 3 writes a minute, 5 a day.
const clock = fixedClock('2026-11-22T10:00:00Z');
let deps: CoreDeps;
let scans: number;
let ledgerEvents: () => number;

beforeEach(() => {
  clock.set('2026-11-22T10:00:00Z');
  scans = 0;
  const core = inMemoryCore(clock);
  const receipt: ScannedReceipt = { candidates: [{ kind: 'total', text: '$23.40', confidence: 96, currency: 'USD' }], items: [], lines: [] };
  deps = {
    ...core.deps,
    writeLimits: { counters: createInMemoryWriteCounters(), limits: { perMinute: 3, perDay: 5 } },
    receipts: { scanner: { scan: async () => (scans += 1, receipt) }, images: createInMemoryReceiptImages(), drafts: createInMemoryReceiptDrafts(() => clock.now()) },
  };
  ledgerEvents = () => core.store.events.length;
});

const ana = () => chat(deps, 'ana', { hints: { timeZone: 'Europe/Paris' } });
const expensesOf = async (who = ana()) => (await who.say('list')).split('\n').filter((l) => /#\d+/.test(l)).length;

test('given 3 writes this minute, the 4th gets one polite notice and is not saved; the 5th gets silence', async () => {
  for (const line of ['1 tea', '2 bun', '3 soup']) expect(await ana().say(line)).toContain('Recorded');
  clock.set('2026-11-22T10:00:35Z');
  expect(await ana().say('4 cake')).toBe(
    '⏳ You have made 3 changes in one minute, the most I take, so I did not save this one. Please try again in 25 seconds. Until then I stay quiet about further changes.',
  );
  expect(await ana().send({ kind: 'text', text: '5 pie' })).toEqual([]);
  // Reads are not writes: the list still answers, and shows what was saved.
  expect(await expensesOf()).toBe(3);
  // The next minute starts afresh.
  clock.set('2026-11-22T10:01:00Z');
  expect(await ana().say('4 cake')).toContain('Recorded #4');
});

test('a redelivery of a write already made is answered as the first time, even over the limit', async () => {
  const first = await ana().say('1 tea', 'update-1');
  await ana().say('2 bun');
  await ana().say('3 soup');
  expect(await ana().say('4 cake')).toContain('try again');
  expect(await ana().say('1 tea', 'update-1')).toBe(first);
  expect(await expensesOf()).toBe(3);
});

test('mistakes, help and reports are not counted; edits, deletes and settings are', async () => {
  for (const text of ['lunch', 'help', 'report', 'list', 'budgets', 'tea tea']) await ana().say(text);
  expect(await ana().say('1 tea')).toContain('Recorded #1');
  expect(await ana().say('edit 1 amount 2')).not.toContain('try again');
  expect(await ana().say('currency EUR')).not.toContain('try again');
  expect(await ana().say('delete 1')).toContain('try again');
  expect(await expensesOf()).toBe(1);
});

test('a receipt photo counts before it is fetched or read: over the limit, neither happens', async () => {
  for (const line of ['1 tea', '2 bun', '3 soup']) await ana().say(line);
  let fetched = false;
  const bytes = pngImage(40, 60, 'limit');
  const photo: InboundFile = { name: 'r.png', mimeType: 'image/png', size: bytes.length, platformFileId: 'F1', bytes: async () => ((fetched = true), bytes) };
  expect(textOf(await ana().send({ kind: 'files', files: [photo] }))).toContain('try again in');
  expect({ fetched, scans }).toEqual({ fetched: false, scans: 0 });
  // Sent again once the minute is over, the same upload is read (the refusal did not hold its claim).
  clock.set('2026-11-22T10:01:00Z');
  expect(textOf(await ana().send({ kind: 'files', files: [photo] }))).toContain('Receipt');
  expect(scans).toBe(1);
});

test('in a group, the group has a limit of its own; each person keeps theirs in private', async () => {
  const inGroup = (who: string) => chat(deps, who, { group: 'G1' });
  await inGroup('ana').say('1 tea');
  await inGroup('ana').say('2 bun');
  await inGroup('ben').say('3 soup');
  const [groupNotice] = await inGroup('ben').send({ kind: 'text', text: '4 cake' });
  expect(textOf([groupNotice!])).toMatch(/^⏳ This group has made 3 changes in one minute/);
  // The group's limit is news for the whole group; the next member to write is not told again.
  expect(groupNotice!.audience).toBeUndefined();
  expect(await inGroup('cy').send({ kind: 'text', text: '1 tea' })).toEqual([]);
  expect(await chat(deps, 'ben').say('4 cake')).toContain('Recorded #1');
  expect(await expensesOf(inGroup('ana'))).toBe(3);
  // A person's own limit, reached in a group, is told to them alone.
  clock.set('2026-11-22T10:01:00Z');
  for (const line of ['1 tea', '2 bun', '3 soup']) await chat(deps, 'dee').say(line);
  const [ownNotice] = await inGroup('dee').send({ kind: 'text', text: '4 cake' });
  expect(textOf([ownNotice!])).toMatch(/^⏳ You have made 3 changes/);
  expect(ownNotice!.audience).toBe('sender');
});

test('a person’s limit holds across their ledgers; the day’s limit says when it resets in the ledger’s time zone', async () => {
  await ana().say('1 tea');
  await chat(deps, 'ana', { group: 'G1' }).say('2 bun');
  clock.set('2026-11-22T10:05:00Z');
  await ana().say('3 soup');
  await ana().say('4 cake');
  await chat(deps, 'ana', { group: 'G2' }).say('5 pie');
  clock.set('2026-11-22T10:10:00Z');
  expect(await ana().say('6 jam')).toContain('Please try again after 01:00 (in about 14 hours).');
  expect(await ana().send({ kind: 'text', text: '6 jam' })).toEqual([]);
  clock.set('2026-11-23T00:00:00Z');
  expect(await ana().say('6 jam')).toContain('Recorded');
});
