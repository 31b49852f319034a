import { chat, choicesOf, textOf } from '../../../../test/support/chat';
import { fixedClock, inMemoryCore } from '../../../../test/support/in-memory-core';

test('given a ledger no platform told the timezone of, the first add asks once; a choice sets it', async () => {
  const clock = fixedClock('2026-11-22T20:00:00Z');
  const me = chat(inMemoryCore(clock).deps, 'nadia', { platform: 'telegram', hints: { locale: 'vi' } });
  const [recorded, question] = await me.sendText('50k pho');
  expect(textOf([recorded!])).toContain('Sun 22 Nov 2026');
  expect(textOf([question!])).toContain('Which timezone are you in?');
  const zones = choicesOf(question);
  expect(zones[0]).toEqual({ label: 'Asia/Ho Chi Minh', action: 'tz:Asia/Ho_Chi_Minh' });
  expect(await me.sendText('30k tea')).toHaveLength(1);
  const [set] = await me.send({ kind: 'press', action: zones[0]!.action });
  expect(textOf([set!])).toBe('🕒 Dates now follow Asia/Ho_Chi_Minh.');
  expect(set!.replacesPressed).toBe(true);
  // 20:00 UTC is already the 23rd in Ho Chi Minh City.
  expect(await me.say('20k coffee')).toContain('Mon 23 Nov 2026');
  expect(await me.press('tz:Mars/Olympus')).toContain('not a timezone I know');
});

test('a ledger whose platform gave a timezone is never asked', async () => {
  const me = chat(inMemoryCore().deps, 'sam', { platform: 'slack', workspace: 'T1', hints: { timeZone: 'Europe/Paris' } });
  expect(await me.sendText('5 tea')).toHaveLength(1);
});
