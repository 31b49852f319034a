import { chat, choicesOf, textOf } from '../../../../test/support/chat';
import { fixedClock, inMemoryCore } from '../../../../test/support/in-memory-core';
import { pngImage } from '../../../../test/support/receipt-images';
import { createInMemoryReceiptImages } from '../../receipts/receipt-images';
import { createInMemoryReceiptDrafts } from '../../storage/in-memory/in-memory-store';
import { CoreDeps } from '../core-deps';
import { InboundFile } from '../conversation/inbound-message';
import { readFile, Reply } from '../conversation/reply';
import { ReceiptCandidate, ScannedReceipt } from './scanned-receipt';

// The receipt flow on in-memory ports; the reader is a stand-in that says what a receipt shows.
const clock = fixedClock('2026-11-22T10:00:00Z');
let deps: CoreDeps;
let images: ReturnType<typeof createInMemoryReceiptImages>;
let next: ScannedReceipt;
const c = (kind: ReceiptCandidate['kind'], text: string, confidence = 95, currency?: string): ReceiptCandidate => ({ kind, text, confidence, ...(currency ? { currency } : {}) });

beforeEach(() => {
  images = createInMemoryReceiptImages();
  next = { candidates: [c('merchant', 'Corner Bistro'), c('total', '$23.40', 96, 'USD'), c('date', '21/11/2026'), c('tax', '$1.90')], items: [{ description: 'Soup', priceText: '9.00', confidence: 90 }], lines: [] };
  deps = { ...inMemoryCore(clock).deps, receipts: { scanner: { scan: async () => next }, images, drafts: createInMemoryReceiptDrafts(() => clock.now()) } };
});

const photo = (bytes: Buffer, name = 'receipt.png'): InboundFile => ({ name, mimeType: 'image/png', size: bytes.length, bytes: async () => bytes });
const ana = () => chat(deps, 'ana', { hints: { timeZone: 'UTC' } });
const sendPhoto = (bytes: Buffer, caption?: string, who = ana()) => who.send({ kind: 'files', files: [photo(bytes)], ...(caption ? { caption } : {}) });

test('given a photo, a draft shows what was read with Confirm / Edit / Discard, and nothing is recorded yet', async () => {
  const [draft] = await sendPhoto(pngImage(40, 60, 'a'));
  expect(textOf([draft!])).toBe([
    '🧾 Receipt: Corner Bistro',
    '• Total: $23.40',
    '• Date: Sat 21 Nov 2026',
    '• Tax: $1.90',
    '• Category: other · note: Corner Bistro',
    '• 1 item: Soup $9.00',
  ].join('\n'));
  expect(choicesOf(draft).map((x) => x.label)).toEqual(['✅ Confirm', '✏️ Edit', '🗑 Discard']);
  expect(images.count()).toBe(1);
  expect(await ana().say('list')).toContain('No expenses yet');
});

test('when confirmed, it is recorded once with its receipt; the photo comes back with `receipt <ref>`; the same photo again is recognised', async () => {
  const bytes = pngImage(40, 60, 'b');
  const [draft] = await sendPhoto(bytes);
  const [recorded] = await ana().send({ kind: 'press', action: choicesOf(draft).find((x) => x.label === '✅ Confirm')!.action });
  expect(textOf([recorded!])).toContain('✅ Recorded #1 · $23.40 · other · Corner Bistro · Sat 21 Nov 2026 · 🧾');
  expect(recorded!.replacesPressed).toBe(true);
  expect(await ana().press(choicesOf(draft).find((x) => x.label === '✅ Confirm')!.action)).toContain('Already recorded');
  const [again] = await sendPhoto(bytes);
  expect(textOf([again!])).toContain('This receipt is already recorded: #1');
  const [back] = await ana().sendText('receipt 1');
  expect(back!.image?.name).toBe('receipt-1.png');
  expect(Buffer.compare(await readFile(back!.image!), bytes)).toBe(0);
  // Deleting the expense deletes its image.
  await ana().say('delete 1');
  expect(images.count()).toBe(0);
});

test('what the person writes with the photo wins: words are the note and #tag the category; an amount the total', async () => {
  const [draft] = await sendPhoto(pngImage(40, 60, 'c'), 'team lunch #work');
  expect(textOf([draft!])).toContain('Category: work · note: team lunch');
  const [priced] = await sendPhoto(pngImage(40, 60, 'd'), '30 EUR dinner');
  expect(textOf([priced!])).toContain('Total: €30.00');
  expect(textOf([priced!])).toContain('note: dinner');
});

test('no total read: the draft asks for it, and the amount typed next records it; never a guessed currency', async () => {
  next = { candidates: [c('merchant', 'Tiny Shop')], items: [], lines: [] };
  await ana().say('currency VND');
  const [draft] = await sendPhoto(pngImage(40, 60, 'e'));
  expect(textOf([draft!])).toContain('I could not read the total. Type it');
  expect(choicesOf(draft).map((x) => x.label)).toEqual(['✏️ Edit', '🗑 Discard']);
  // An amount with words is an ordinary add, waiting receipt or not.
  expect(await ana().say('12k cà phê')).toContain('✅ Recorded #1 · ₫12,000 · ');
  expect(await ana().say('50k')).toContain('✅ Recorded #2 · ₫50,000 · other · Tiny Shop');
  // With nothing waiting, an amount alone is an ordinary (if terse) add.
  expect(await ana().say('20k')).toContain('Recorded #3 · ₫20,000');
});

test('Edit gives a form; wrong fields come back with errors; right ones update the draft for confirming', async () => {
  const [draft] = await sendPhoto(pngImage(40, 60, 'f'));
  const [form] = await ana().send({ kind: 'press', action: choicesOf(draft).find((x) => x.label === '✏️ Edit')!.action });
  expect(form!.form!.fields.map((f) => [f.name, f.value])).toEqual([['amount', '23.40 USD'], ['date', '2026-11-21'], ['note', 'Corner Bistro'], ['category', 'other']]);
  const [wrong] = await ana().submit(form!.form!.submit.action, { amount: 'lots', date: '2026-11-21', note: 'x', category: 'food' });
  expect(wrong!.form!.fields.find((f) => f.name === 'amount')!.error).toBeDefined();
  const [updated] = await ana().submit(form!.form!.submit.action, { amount: '25', date: 'yesterday', note: 'dinner out', category: 'food' });
  expect(textOf([updated!])).toContain('Total: $25.00');
  expect(textOf([updated!])).toContain('Category: food · note: dinner out');
  expect(await ana().press(choicesOf(updated).find((x) => x.label === '✅ Confirm')!.action)).toContain('Recorded #1 · $25.00 · food · dinner out · Sat 21 Nov 2026 · 🧾');
});

test('Discard drops the draft and its image; its buttons then say so', async () => {
  const [draft] = await sendPhoto(pngImage(40, 60, 'g'));
  expect(await ana().press(choicesOf(draft).find((x) => x.label === '🗑 Discard')!.action)).toContain('Discarded');
  expect(images.count()).toBe(0);
  expect(await ana().press(choicesOf(draft).find((x) => x.label === '✅ Confirm')!.action)).toContain('no longer waiting');
});

test('a PDF, an HEIC photo, a file that is no image, or a photo too big get a clear answer and write nothing', async () => {
  const send = (bytes: Buffer) => ana().send({ kind: 'files', files: [{ name: 'x', mimeType: 'image/jpeg', size: bytes.length, bytes: async () => bytes }] }).then(textOf);
  expect(await send(Buffer.from('%PDF-1.7 ...'))).toContain('not PDFs yet');
  expect(await send(Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic0000')]))).toContain('HEIC');
  expect(await send(Buffer.from('hello'))).toContain('not a photo I can read');
  expect(await send(pngImage(12_000, 2, 'wide'))).toContain('12000×2 pixels');
  expect(images.count()).toBe(0);
});

test('in a group, only the person who sent a receipt can confirm it', async () => {
  const inGroup = (user: string) => chat(deps, user, { group: 'g1', hints: { timeZone: 'UTC' } });
  const [draft] = await sendPhoto(pngImage(40, 60, 'h'), undefined, inGroup('ana'));
  const confirm = choicesOf(draft).find((x) => x.label === '✅ Confirm')!.action;
  const [refused] = await inGroup('ben').send({ kind: 'press', action: confirm });
  expect(refused).toMatchObject({ audience: 'sender' });
  expect(textOf([refused!])).toContain('Only the person who sent this receipt');
  expect(await inGroup('ana').press(confirm)).toContain('Recorded #1');
});

test('two Confirms at once record the receipt once; a Discard racing a Confirm keeps the image the expense uses', async () => {
  const [draft] = await sendPhoto(pngImage(40, 60, 'race'));
  const confirm = choicesOf(draft).find((x) => x.label === '✅ Confirm')!.action;
  const answers = await Promise.all([ana().press(confirm), ana().press(confirm), ana().press(confirm)]);
  expect(answers.filter((a) => a.includes('✅ Recorded #1'))).toHaveLength(1);
  expect(await ana().say('list')).toContain('Latest 1');
  await ana().press(choicesOf(draft).find((x) => x.label === '🗑 Discard')!.action);
  expect(images.count()).toBe(1);
});

test('the amount typed for a receipt is in the receipt’s currency; an old draft or a dated line is an ordinary add', async () => {
  next = { candidates: [c('merchant', 'Bar Central'), c('tax', '€1.90', 95, 'EUR')], items: [], lines: [] };
  await sendPhoto(pngImage(40, 60, 'eur'));
  expect(await ana().say('5 yesterday')).toContain('Recorded #1 · $5.00 · other · Sat 21 Nov 2026');
  expect(await ana().say('23.50')).toContain('Recorded #2 · €23.50 · food · Bar Central');
  next = { candidates: [c('merchant', 'Old Shop')], items: [], lines: [] };
  await sendPhoto(pngImage(40, 60, 'old'));
  clock.set('2026-11-22T12:00:00Z');
  try {
    expect(await ana().say('7')).toContain('Recorded #3 · $7.00');
  } finally {
    clock.set('2026-11-22T10:00:00Z');
  }
});

test('a file the platform says is too big is refused before its bytes are fetched', async () => {
  let fetched = false;
  const video: InboundFile = { name: 'clip.mp4', mimeType: 'video/mp4', size: 80 * 1024 * 1024, bytes: async () => ((fetched = true), new Uint8Array()) };
  expect(textOf(await ana().send({ kind: 'files', files: [video] }))).toContain('That file is 80.0 MB');
  expect(fetched).toBe(false);
});

describe('a platform file (one upload announced twice, or sent again)', () => {
  const upload = (bytes: Buffer, id: string, fetched: { count: number }): InboundFile => ({
    name: 'receipt.png', mimeType: 'image/png', size: bytes.length, platformFileId: id,
    bytes: async () => {
      fetched.count += 1;
      return bytes;
    },
  });

  test('given the same delivery twice while it is read, the second is silent and the photo is fetched once', async () => {
    const fetched = { count: 0 };
    let release!: () => void;
    const reading = new Promise<void>((r) => (release = r));
    deps = { ...deps, receipts: { ...deps.receipts!, scanner: { scan: async () => (await reading, next) } } };
    const file = upload(pngImage(40, 60, 'twice'), 'F1', fetched);
    const first = ana().send({ kind: 'files', files: [file] }, 'slack:file:F1');
    while (fetched.count === 0) await new Promise((r) => setTimeout(r, 5));
    expect(await ana().send({ kind: 'files', files: [file] }, 'slack:file:F1')).toEqual([]);
    expect(textOf(await ana().send({ kind: 'files', files: [file] }, 'another-delivery'))).toContain('still reading that receipt');
    release();
    expect(textOf(await first)).toContain('Receipt: Corner Bistro');
    expect(fetched.count).toBe(1);
    expect(textOf(await ana().send({ kind: 'files', files: [file] }, 'later'))).toContain('Receipt: Corner Bistro');
    expect(fetched.count).toBe(1);
  });

  test('given a file that was no photo, or a reading that failed, sending it again reads it again', async () => {
    const fetched = { count: 0 };
    const pdf = upload(Buffer.from('%PDF-1.7'), 'F2', fetched);
    expect(textOf(await ana().send({ kind: 'files', files: [pdf] }, 'd1'))).toContain('not PDFs');
    expect(textOf(await ana().send({ kind: 'files', files: [pdf] }, 'd2'))).toContain('not PDFs');
    expect(fetched.count).toBe(2);
    const failing = { ...deps, receipts: { ...deps.receipts!, scanner: { scan: async () => Promise.reject(new Error('reader down')) } } };
    const photoFile = upload(pngImage(40, 60, 'fails'), 'F3', fetched);
    const alice = () => chat(failing, 'ana', { hints: { timeZone: 'UTC' } });
    expect(textOf(await alice().send({ kind: 'files', files: [photoFile] }, 'd3'))).toContain('Something went wrong');
    expect(textOf(await ana().send({ kind: 'files', files: [photoFile] }, 'd4'))).toContain('Receipt: Corner Bistro');
  });

  test('what is said at once ("reading…") goes through the channel before the answer, once', async () => {
    const said: string[] = [];
    const { inbound } = await import('../../../../test/support/chat');
    const { handleMessage } = await import('../conversation/handle-message');
    const message = { ...inbound('ana', { kind: 'files', files: [photo(pngImage(40, 60, 'now'))] }, { hints: { timeZone: 'UTC' } }), sayNow: async (r: readonly Reply[]) => void said.push(textOf(r)) };
    const replies = await handleMessage(message, deps);
    expect(said).toEqual(['📷 Reading your receipt…']);
    expect(textOf(replies)).toContain('Receipt: Corner Bistro');
  });
});
