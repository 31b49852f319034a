import { existsSync, mkdtempSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileFromBytes, readFile } from '../../core/conversation/reply';
import { describeFileSpoolContract } from '../file-spool.contract';
import { createFileSpool } from './file-spool';

const freshDir = () => join(mkdtempSync(join(tmpdir(), 'spool-test-')), 'spool');

describeFileSpoolContract('on disk', async () => {
  const dir = freshDir();
  const spool = createFileSpool({ dir });
  return { spool, held: async () => readdirSync(dir).length };
});

const HOUR = 60 * 60 * 1000;

test('the folder and its files are the owner’s only: an export is personal data', async () => {
  const spool = createFileSpool({ dir: freshDir() });
  const out = await spool.create('everything.zip', 'application/zip');
  await out.write(new Uint8Array([1, 2, 3]));
  await out.finish();
  const [name] = readdirSync(spool.dir);
  expect(statSync(spool.dir).mode & 0o777).toBe(0o700);
  expect(statSync(join(spool.dir, name!)).mode & 0o777).toBe(0o600);
});

test('at start, what a crashed process left behind more than an hour ago is swept; what is being written now is not', async () => {
  let now = Date.now();
  const spool = createFileSpool({ dir: freshDir(), now: () => now });
  const old = await spool.create('old.zip', 'application/zip');
  await old.write(new Uint8Array(10));
  await old.finish();
  const [oldName] = readdirSync(spool.dir);
  const twoHoursAgo = new Date(now - 2 * HOUR);
  utimesSync(join(spool.dir, oldName!), twoHoursAgo, twoHoursAgo);
  const current = await spool.create('current.zip', 'application/zip');
  await current.write(new Uint8Array(10));

  expect(await spool.sweep()).toBe(1);
  expect(readdirSync(spool.dir)).toHaveLength(1);
  expect(readdirSync(spool.dir)).not.toContain(oldName);
  const file = await current.finish();
  expect(file.size).toBe(10);
  now += 2 * HOUR;
  expect(await spool.sweep()).toBe(1);
  expect(readdirSync(spool.dir)).toEqual([]);
});

test('a kept download opens by its id for an hour, with its name and type, then is gone; other ids find nothing', async () => {
  let now = Date.now();
  const spool = createFileSpool({ dir: freshDir(), now: () => now });
  const bytes = Buffer.from('PK\u0003\u0004 not really a zip');
  const { id, expiresAt } = await spool.keep(fileFromBytes('spendwise-everything.zip', 'application/zip', bytes));
  expect(expiresAt.getTime()).toBe(now + HOUR);
  const kept = await spool.open(id);
  expect(kept).toMatchObject({ name: 'spendwise-everything.zip', mimeType: 'application/zip', size: bytes.byteLength });
  expect((await readFile(kept!)).equals(bytes)).toBe(true);
  for (const other of ['../etc/passwd', `${id}.json`, 'd-00000000-0000-0000-0000-000000000000', '']) expect(await spool.open(other)).toBeUndefined();
  now += HOUR + 1000;
  expect(await spool.open(id)).toBeUndefined();
  await spool.sweep();
  expect(readdirSync(spool.dir)).toEqual([]);
});

test('a process that never spools a file makes no folder; sweeping an absent folder finds nothing', async () => {
  const spool = createFileSpool({ dir: freshDir() });
  expect(await spool.sweep()).toBe(0);
  expect(await spool.open('d-00000000-0000-0000-0000-000000000000')).toBeUndefined();
  expect(existsSync(spool.dir)).toBe(false);
});
