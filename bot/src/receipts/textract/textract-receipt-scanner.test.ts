import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedFixture } from '../../../../test/support/telegram-updates';
import { createTextractReceiptScanner, ReceiptReaderUnavailableError, TEXTRACT_MAX_BYTES } from './textract-receipt-scanner';

// The adapter against a loopback stand-in of the Textract endpoint, answering with recorded responses.
type Answer = { status: number; body: unknown };
let answers: Answer[] = [];
const seen: { target: string; bytes: number }[] = [];
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString()));
  req.on('end', () => {
    const body = JSON.parse(raw) as { Document?: { Bytes?: string } };
    seen.push({ target: String(req.headers['x-amz-target']), bytes: Buffer.from(body.Document?.Bytes ?? '', 'base64').length });
    const answer = answers.shift() ?? { status: 500, body: { __type: 'InternalServerError' } };
    res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(JSON.stringify(answer.body));
  });
});
const saved = { ...process.env };
let scanner: ReturnType<typeof createTextractReceiptScanner>;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_TEXTRACT: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example',
  });
  scanner = createTextractReceiptScanner({ region: 'eu-west-1', maxAttempts: 3 });
});
afterAll(() => {
  scanner.close();
  server.close();
  process.env = saved;
});
beforeEach(() => {
  answers = [];
  seen.length = 0;
});

const image = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

test('AnalyzeExpense is called with the image bytes and its answer is read into candidates', async () => {
  answers = [{ status: 200, body: JSON.parse(readFileSync(join(__dirname, 'fixtures', 'cafe-receipt.analyze-expense.json'), 'utf8')) }];
  const scanned = await scanner.scan(image, 'image/jpeg');
  expect(seen).toEqual([{ target: 'Textract.AnalyzeExpense', bytes: image.length }]);
  expect(scanned.candidates.find((c) => c.kind === 'total' && c.confidence > 70)).toMatchObject({ text: '€16,94', currency: 'EUR' });
  expect(scanned.lines).toEqual(['Café Lumière', 'TOTAL €16,94']);
});

test('a genuine response through the wire gives the same as read from the file', async () => {
  const genuine = sharedFixture('textract/textractor-receipt-mega-market.json');
  if (!genuine) return;
  const { ResponseMetadata: _boto, ...body } = genuine;
  answers = [{ status: 200, body }];
  expect((await scanner.scan(image, 'image/jpeg')).candidates.filter((c) => c.kind === 'total')).toEqual([{ kind: 'total', text: '$1810.46', confidence: expect.any(Number), currency: 'USD' }]);
});

test('throttling is retried, then reported as unavailable; a picture Textract cannot read is an empty reading', async () => {
  const throttled = { status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } };
  answers = [throttled, { status: 200, body: { ExpenseDocuments: [] } }];
  expect(await scanner.scan(image, 'image/jpeg')).toEqual({ candidates: [], items: [], lines: [] });
  expect(seen).toHaveLength(2);
  answers = [throttled, throttled, throttled];
  await expect(scanner.scan(image, 'image/jpeg')).rejects.toBeInstanceOf(ReceiptReaderUnavailableError);
  answers = [{ status: 400, body: { __type: 'UnsupportedDocumentException', message: 'Request has unsupported document format' } }];
  expect(await scanner.scan(image, 'image/jpeg')).toEqual({ candidates: [], items: [], lines: [] });
  await expect(scanner.scan(new Uint8Array(TEXTRACT_MAX_BYTES + 1), 'image/jpeg')).rejects.toThrow(/downscale/);
});

test('a burst of receipts is read a few at a time', async () => {
  let inFlight = 0;
  let most = 0;
  const slowServer = createServer((req, res) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    req.resume();
    req.on('end', () => setTimeout(() => {
      inFlight -= 1;
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ ExpenseDocuments: [] }));
    }, 50));
  });
  await new Promise<void>((resolve) => slowServer.listen(0, '127.0.0.1', resolve));
  process.env.AWS_ENDPOINT_URL_TEXTRACT = `http://127.0.0.1:${(slowServer.address() as AddressInfo).port}`;
  const bounded = createTextractReceiptScanner({ region: 'eu-west-1', concurrency: 2 });
  try {
    await Promise.all(Array.from({ length: 8 }, () => bounded.scan(image, 'image/jpeg')));
    expect(most).toBe(2);
  } finally {
    bounded.close();
    slowServer.close();
  }
});
