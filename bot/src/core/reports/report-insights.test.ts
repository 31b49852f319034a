import { chat } from '../../../../test/support/chat';
import { fixedClock, inMemoryCore } from '../../../../test/support/in-memory-core';

// `report` through the core on in-memory ports: the insights under the totals.
test('given a ledger with history, when the month is reported, then changes, top descriptions, the unusual expense and the pace are told', async () => {
  const { deps } = inMemoryCore(fixedClock('2026-11-20T10:00:00Z'));
  const { say } = chat(deps, 'insightful');
  for (const [month, day] of [['08', '03'], ['08', '17'], ['09', '05'], ['09', '21'], ['10', '02'], ['10', '19']]) {
    await say(`20 lunch #food 2026-${month}-${day}`);
  }
  await say('300 rent #home 2026-10-01');
  await say('1000 rent #home 2026-11-01');
  for (const day of ['03', '04', '05']) await say(`3 Coffee #food 2026-11-${day}`);
  await say('95 dinner party #food 2026-11-12');
  await say('budget total 1500');

  const text = await say('report');

  expect(text).toContain('What changed against October 2026');
  expect(text).toContain('• home +233%, +$700.00 ($300.00 → $1,000.00)');
  expect(text).toContain('• food +160%, +$64.00 ($40.00 → $104.00)');
  expect(text).toContain('• Most spent: rent $1,000.00 · dinner party $95.00 · coffee $9.00');
  expect(text).toContain('• Most often: coffee 3×');
  expect(text).toContain('• #12 dinner party: $95.00 on Thu 12 Nov 2026, 4.8× the usual food expense ($20.00)');
  expect(text).toContain('• At this pace: $1,656.00 of $1,500.00 budget by the 30th; $39.60/day left for 10 days.');
});

test('given a week, then no description totals (kept per month) but changes still', async () => {
  const { deps } = inMemoryCore(fixedClock('2026-11-20T10:00:00Z'));
  const { say } = chat(deps, 'weekly');
  await say('12 lunch #food 2026-11-17');
  await say('12 lunch #food 2026-11-18');

  const text = await say('report week');

  expect(text).toContain('• food new, +$24.00');
  expect(text).not.toContain('Most spent');
  expect(text).not.toContain('At this pace');
});

test('given a range of days, then its totals beside as many days just before', async () => {
  const { deps } = inMemoryCore(fixedClock('2026-11-20T10:00:00Z'));
  const { say } = chat(deps, 'ranged');
  await say('10 lunch #food 2026-11-01');
  await say('30 dinner #food 2026-11-06');
  await say('7 lunch #food 2026-11-12');

  const text = await say('report 2026-11-06 2026-11-10');

  expect(text.split('\n')[0]).toBe('📊 Spending in 2026-11-06 to 2026-11-10');
  expect(text).toContain('USD: $30.00 in 1 expense (2026-11-01 to 2026-11-05: $10.00, +200%)');
  expect(await say('report 2026-11-10 2026-11-06')).toContain('The range ends (2026-11-06) before it starts (2026-11-10).');
});
