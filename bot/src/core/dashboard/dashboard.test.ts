import { chat, inbound, textOf } from '../../../../test/support/chat';
import { inMemoryCore } from '../../../../test/support/in-memory-core';
import { buildDashboard } from './dashboard';

test('given spending, budgets and history, the dashboard holds this month, each budget and the last ten', async () => {
  const { deps } = inMemoryCore();
  const me = chat(deps, 'dash', { hints: { timeZone: 'UTC' } });
  await me.say('40 dinner 2026-10-15 #food');
  for (let i = 1; i <= 12; i += 1) await me.say(`${i} snack${String.fromCharCode(96 + i)} #food 2026-11-${String(i).padStart(2, '0')}`);
  await me.say('budget food 100');
  await me.say('budget total 1000');
  const dashboard = await buildDashboard(inbound('dash', { kind: 'text', text: '' }), deps);
  expect(dashboard.scope).toBe('personal');
  expect(dashboard.month.sections[0]).toMatchObject({ currency: 'USD', minor: 7_800, count: 12, previousMinor: 4_000 });
  expect(dashboard.budgets.map((b) => [b.label, b.spent.minor, b.percent])).toEqual([['food', 7_800, 78], ['total', 7_800, 7]]);
  expect(dashboard.recent.map((e) => e.description)).toEqual(['snackl', 'snackk', 'snackj', 'snacki', 'snackh', 'snackg', 'snackf', 'snacke', 'snackd', 'snackc']);
});

test('a button that says a command answers like the command, beside the pressed message', async () => {
  const { deps } = inMemoryCore();
  const me = chat(deps, 'sayer', { hints: { timeZone: 'UTC' } });
  await me.say('12 lunch');
  const [reply] = await me.send({ kind: 'press', action: 'say:report' });
  expect(textOf([reply!])).toContain('Spending in November 2026');
  expect(reply!.replacesPressed).toBeUndefined();
  expect(reply!.data?.kind).toBe('report');
});

test('hints that cost the platform a call are asked only when a ledger opens, and a failure opens it on defaults', async () => {
  const { deps } = inMemoryCore();
  let asked = 0;
  const moreHints = async () => ((asked += 1), { timeZone: 'Asia/Tokyo', locale: 'ja-JP' });
  const message = (text: string) => ({ ...inbound('U1', { kind: 'text', text }, { platform: 'slack', workspace: 'T1' }), moreHints });
  const { handleMessage } = await import('../conversation/handle-message');
  expect(textOf(await handleMessage(message('12 ramen'), deps))).not.toContain('Which timezone');
  await handleMessage(message('13 ramen'), deps);
  expect(asked).toBe(1);
  const failing = { ...inbound('U2', { kind: 'text', text: '5 tea' }, { platform: 'slack', workspace: 'T1' }), moreHints: async () => { throw new Error('users.info: ratelimited'); } };
  expect(textOf(await handleMessage(failing, deps))).toContain('Recorded #1');
});
