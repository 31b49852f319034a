import { plainText } from '../../core/conversation/formatted-text';
import { fileFromBytes, readFile, textReply } from '../../core/conversation/reply';
import { LocalMailbox } from './local-mailbox';

/** What every local mailbox must do; run against the in-memory one and DynamoDB Local. */
export function describeLocalMailboxContract(name: string, make: () => Promise<{ mailboxes: [LocalMailbox, LocalMailbox]; close?: () => void }>): void {
  describe(`${name}: local mailbox contract`, () => {
    let writers: [LocalMailbox, LocalMailbox];
    let close: (() => void) | undefined;
    beforeAll(async () => {
      ({ mailboxes: writers, close } = await make());
    });
    afterAll(() => close?.());
    let n = 0;
    const conversation = () => `u:reader${(n += 1)}`;
    const texts = (messages: { reply: { text: Parameters<typeof plainText>[0] } }[]) => messages.map((m) => plainText(m.reply.text));

    test('a reader from the latest cursor gets each later reply once, in order', async () => {
      const [box] = writers;
      const c = conversation();
      await box.put(c, [textReply('before')]);
      const start = await box.latest(c);
      await box.put(c, [textReply('A'), textReply('B')]);
      const first = await box.after(c, start, 50);
      expect(texts(first)).toEqual(['A', 'B']);
      await box.put(c, [textReply('C')]);
      expect(texts(await box.after(c, first.at(-1)!.cursor, 50))).toEqual(['C']);
      expect(await box.after(`u:someone-else${n}`, start, 50)).toEqual([]);
    });

    test('replies written at once by two processes are all read, none twice', async () => {
      const c = conversation();
      let cursor = await writers[0].latest(c);
      const seen: string[] = [];
      const writing = Promise.all(Array.from({ length: 20 }, (_, i) => writers[i % 2]!.put(c, [textReply(`m${i}`)])));
      // A reader moving forward while they write.
      for (let round = 0; round < 50 && seen.length < 20; round += 1) {
        const got = await writers[1].after(c, cursor, 5);
        seen.push(...texts(got));
        if (got.length) cursor = got.at(-1)!.cursor;
        await new Promise((r) => setTimeout(r, 5));
      }
      await writing;
      seen.push(...texts(await writers[1].after(c, cursor, 50)));
      expect([...seen].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`).sort());
    });

    test('a small file comes back with its bytes', async () => {
      const c = conversation();
      const start = await writers[0].latest(c);
      await writers[0].put(c, [{ ...textReply('chart'), image: fileFromBytes('c.png', 'image/png', Buffer.from([1, 2, 3])) }]);
      const [message] = await writers[0].after(c, start, 5);
      expect(message!.reply.image).toMatchObject({ name: 'c.png', mimeType: 'image/png', size: 3 });
      expect([...(await readFile(message!.reply.image!))]).toEqual([1, 2, 3]);
    });
  });
}
