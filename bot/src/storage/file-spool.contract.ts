import { readFile, ReplyFile } from '../core/conversation/reply';
import { FileSpool } from '../core/ports/file-spool.port';

/**
 * What every spool must do; run against memory and the disk. `held` says how many files the spool
 * still keeps (on disk: the files in its folder).
 */
export function describeFileSpoolContract(name: string, make: () => Promise<{ spool: FileSpool; held: () => Promise<number> }>): void {
  describe(`${name}: file spool contract`, () => {
    let spool: FileSpool;
    let held: () => Promise<number>;
    beforeEach(async () => {
      ({ spool, held } = await make());
    });
    const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251);

    test('bytes written piece by piece come back whole, as often as the file is opened, with their size', async () => {
      const out = await spool.create('everything.zip', 'application/zip');
      const pieces = [bytes(1000, 1), bytes(0, 2), bytes(70_000, 3), bytes(5, 4)];
      for (const piece of pieces) await out.write(piece);
      const file = await out.finish();
      const expected = Buffer.concat(pieces);
      expect(file).toMatchObject({ name: 'everything.zip', mimeType: 'application/zip', size: expected.byteLength });
      expect((await readFile(file)).equals(expected)).toBe(true);
      // A retried upload opens it again.
      expect((await readFile(file)).equals(expected)).toBe(true);
      await file.release!();
    });

    test('a file released after it was sent is gone, and releasing it again is harmless', async () => {
      const out = await spool.create('a.csv', 'text/csv');
      await out.write(bytes(10, 0));
      const file: ReplyFile = await out.finish();
      expect(await held()).toBe(1);
      await file.release!();
      await file.release!();
      expect(await held()).toBe(0);
      await expect(readFile(file)).rejects.toThrow();
    });

    test('a file given up on while it was written leaves nothing', async () => {
      const out = await spool.create('a.csv', 'text/csv');
      await out.write(bytes(10, 0));
      await out.discard();
      expect(await held()).toBe(0);
    });

    test('files written at the same time stay apart', async () => {
      const [a, b] = await Promise.all([spool.create('a', 'text/plain'), spool.create('b', 'text/plain')]);
      await Promise.all([a.write(bytes(100, 1)), b.write(bytes(200, 2))]);
      await a.write(bytes(50, 3));
      const [fa, fb] = await Promise.all([a.finish(), b.finish()]);
      expect((await readFile(fa)).equals(Buffer.concat([bytes(100, 1), bytes(50, 3)]))).toBe(true);
      expect((await readFile(fb)).equals(Buffer.from(bytes(200, 2)))).toBe(true);
      await Promise.all([fa.release!(), fb.release!()]);
    });
  });
}
