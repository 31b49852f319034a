import { chat } from '../../../../test/support/chat';
import { fixedClock, inMemoryCore } from '../../../../test/support/in-memory-core';

const bed = () => chat(inMemoryCore(fixedClock('2026-11-20T10:00:00Z')).deps, 'trend');

test('given spending over several months, when "chart food 3", then each of the 3 months up to this one, empty months as zero', async () => {
  const { say } = bed();
  await say('10 lunch #food 2026-08-10');
  await say('20 lunch #food 2026-09-10');
  await say('7 bus #transport 2026-11-02');
  await say('5 lunch #food 2026-11-03');

  const text = await say('chart food 3');

  expect(text).toContain('📈 food, month by month from September 2026 to November 2026');
  expect(text).toContain('USD: $25.00 in all, $8.33 a month on average');
  expect(text).toContain('• 2026-09: $20.00\n• 2026-10: $0.00\n• 2026-11: $5.00');
  expect(text).not.toContain('2026-08');
});

test('given no category, then all spending over 12 months, one section per currency', async () => {
  const { say } = bed();
  await say('7 bus #transport 2026-11-02');
  await say('3 EUR coffee 2025-12-01');
  const text = await say('chart');
  expect(text).toContain('all spending, month by month from December 2025 to November 2026');
  expect(text).toContain('EUR: €3.00 in all');
  expect(text).toContain('USD: $7.00 in all');
});

test('bad input gets a clear answer: months out of range, an unknown category word, nothing spent', async () => {
  const { say } = bed();
  expect(await say('chart food 0')).toContain('between 1 and 36 months');
  expect(await say('chart food 37')).toContain('between 1 and 36 months');
  expect(await say('chart food 6 more')).toContain('chart <category|total> [months]');
  expect(await say('chart #### 6')).toContain('is not a category');
  expect(await say('chart fun')).toContain('Nothing spent on fun from December 2025 to November 2026');
});
