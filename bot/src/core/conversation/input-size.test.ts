import { chat, inbound, textOf } from '../../../../test/support/chat';
import { inMemoryCore } from '../../../../test/support/in-memory-core';
import { CoreDeps } from '../core-deps';
import { handleMessage } from './handle-message';
import { conversationKey, identityKey, InboundFile } from './inbound-message';

// Oversized input is refused before anything is looked up, fetched or read: a stranger's first
// message that is too big does not even open a ledger.
let deps: CoreDeps;
let directoryLookups: number;
beforeEach(() => {
  const core = inMemoryCore();
  directoryLookups = 0;
  deps = { ...core.deps, directory: { ...core.deps.directory, find: (...args) => ((directoryLookups += 1), core.deps.directory.find(...args)) } };
});
const hasLedger = async (user: string) => {
  const message = inbound(user, { kind: 'text', text: '' });
  return (await deps.directory.find(conversationKey(message), identityKey(message.sender))).ledger !== undefined;
};

test('a text over 500 characters is refused with its length, the limit and an example, and nothing is opened', async () => {
  const answer = await chat(deps, 'ana').say(`12 ${'x'.repeat(600)}`);
  expect(answer).toBe('⚠️ That message is 603 characters; the most I read is 500. Send the expense on its own:\nFor example: 12.50 lunch #food');
  expect(directoryLookups).toBe(0);
  expect(await hasLedger('ana')).toBe(false);
});

test('more than 20 lines in one message is refused before any work; 20 are looked at', async () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1} tea`).join('\n');
  expect(await chat(deps, 'ana').say(lines(21))).toBe(
    '⚠️ That message has 21 lines; I read at most 20 in one message. Send it in smaller parts, one expense a line:\nFor example: 12.50 lunch #food',
  );
  expect(directoryLookups).toBe(0);
  expect(await chat(deps, 'ana').say(lines(20))).not.toContain('20 in one message');
  expect(directoryLookups).toBeGreaterThan(0);
});

test('a photo with an oversized caption is refused without fetching the photo', async () => {
  let fetched = false;
  const photo: InboundFile = { name: 'r.png', mimeType: 'image/png', size: 10, bytes: async () => ((fetched = true), new Uint8Array(10)) };
  const answer = textOf(await chat(deps, 'ana').send({ kind: 'files', files: [photo], caption: 'y'.repeat(501) }));
  expect(answer).toContain('That message is 501 characters');
  expect(fetched).toBe(false);
});

test('overheard group talk that is too big is ignored silently, as all overheard talk that is not an expense', async () => {
  const replies = await handleMessage(inbound('ana', { kind: 'text', text: `5 ${'z'.repeat(700)}`, overheard: true }, { group: 'G1' }), deps);
  expect(replies).toEqual([]);
  expect(directoryLookups).toBe(0);
});

test('a button action longer than any of ours, and a form with a huge field, are refused', async () => {
  expect(await chat(deps, 'ana').press(`say:${'1'.repeat(100)}`)).toContain('That button is not one of mine');
  const [answer] = await chat(deps, 'ana').submit('editsubmit:1', { note: 'n'.repeat(501) });
  expect(textOf([answer!])).toContain('A form field holds at most 500 characters');
  expect(directoryLookups).toBe(0);
});
