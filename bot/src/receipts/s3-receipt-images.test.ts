import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { LedgerId } from '../core/ledger/ledger-id';
import { createS3ReceiptImages, RECEIPT_PREFIXES } from './s3-receipt-images';

// The S3 adapter against a loopback stand-in that speaks the few S3 calls it makes (path style).
const objects = new Map<string, { body: Buffer; type: string }>();
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://s3');
    const path = decodeURIComponent(url.pathname.replace(/^\/receipts-bucket\//, ''));
    const xml = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?>${body}`);
    };
    const noSuchKey = () => xml(404, '<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
    if (req.method === 'POST' && url.searchParams.has('delete')) {
      for (const m of Buffer.concat(chunks).toString('utf8').matchAll(/<Key>([^<]+)<\/Key>/g)) objects.delete(m[1]!);
      return xml(200, '<DeleteResult></DeleteResult>');
    }
    if (req.method === 'PUT' && req.headers['x-amz-copy-source']) {
      const source = decodeURIComponent(String(req.headers['x-amz-copy-source'])).replace(/^\/?receipts-bucket\//, '');
      const found = objects.get(source);
      if (!found) return noSuchKey();
      objects.set(path, found);
      return xml(200, '<CopyObjectResult><ETag>"e"</ETag></CopyObjectResult>');
    }
    if (req.method === 'PUT') {
      objects.set(path, { body: Buffer.concat(chunks), type: String(req.headers['content-type']) });
      res.writeHead(200, { etag: '"e"' });
      return res.end();
    }
    if (req.method === 'GET' && url.searchParams.get('list-type') === '2') {
      // ListObjectsV2, two keys a page so that paging is exercised.
      const prefix = url.searchParams.get('prefix') ?? '';
      const all = [...objects.keys()].filter((k) => k.startsWith(prefix)).sort();
      // Like S3's, the token carries where the last page ended, so deleting listed keys moves nothing.
      const after = url.searchParams.get('continuation-token');
      const rest = after ? all.filter((k) => k > Buffer.from(after, 'base64').toString('utf8')) : all;
      const page = rest.slice(0, 2);
      const more = rest.length > 2;
      const token = more ? `<NextContinuationToken>${Buffer.from(page.at(-1)!).toString('base64')}</NextContinuationToken>` : '';
      return xml(200, `<ListBucketResult><Name>receipts-bucket</Name><Prefix>${prefix}</Prefix><KeyCount>${page.length}</KeyCount><IsTruncated>${more}</IsTruncated>${token}${page.map((k) => `<Contents><Key>${k}</Key></Contents>`).join('')}</ListBucketResult>`);
    }
    if (req.method === 'GET') {
      const found = objects.get(path);
      if (!found) return noSuchKey();
      res.writeHead(200, { 'content-type': found.type, 'content-length': found.body.length });
      return res.end(found.body);
    }
    xml(405, '<Error><Code>MethodNotAllowed</Code></Error>');
  });
});
const saved = { ...process.env };
let images: ReturnType<typeof createS3ReceiptImages>;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, { AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example' });
  images = createS3ReceiptImages('receipts-bucket', { region: 'eu-west-1' });
});
afterAll(() => {
  images.close();
  server.close();
  process.env = saved;
});

const ledger = 'lg_0123456789abcdef0123' as LedgerId;
const png = { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), mimeType: 'image/png' as const };

test('a draft’s image sits under the prefix that expires; kept, it moves under the one that stays; removed, it is gone', async () => {
  await images.put(ledger, 'RECEIPTabcdef0001', png);
  expect([...objects.keys()]).toEqual([`${RECEIPT_PREFIXES.drafts}${ledger}/RECEIPTabcdef0001`]);
  expect(await images.get(ledger, 'RECEIPTabcdef0001')).toEqual(png);
  await images.keep(ledger, 'RECEIPTabcdef0001');
  expect([...objects.keys()]).toEqual([`${RECEIPT_PREFIXES.kept}${ledger}/RECEIPTabcdef0001`]);
  await images.keep(ledger, 'RECEIPTabcdef0001'); // a second Confirm: nothing to move
  expect(await images.get(ledger, 'RECEIPTabcdef0001')).toEqual(png);
  await images.remove(ledger, 'RECEIPTabcdef0001');
  expect(objects.size).toBe(0);
  expect(await images.get(ledger, 'RECEIPTabcdef0001')).toBeUndefined();
  await expect(images.put('../etc' as LedgerId, 'x', png)).rejects.toThrow(/unsafe/);
});

test('forgetting a ledger deletes all its images, drafts’ and kept, page by page; another ledger’s stay', async () => {
  const other = 'lg_ffffffffffffffffffff' as LedgerId;
  for (const receipt of ['R1', 'R2', 'R3', 'R4', 'R5']) await images.put(ledger, receipt, png);
  for (const receipt of ['R1', 'R2', 'R3']) await images.keep(ledger, receipt);
  await images.put(other, 'R1', png);
  await images.removeLedger(ledger);
  expect([...objects.keys()]).toEqual([`${RECEIPT_PREFIXES.drafts}${other}/R1`]);
  await images.removeLedger(ledger); // nothing left: harmless
  await images.remove(other, 'R1');
  await expect(images.removeLedger('../etc' as LedgerId)).rejects.toThrow(/unsafe/);
});
