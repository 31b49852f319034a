import { chat } from '../../../../test/support/chat';
import { fixedClock, inMemoryCore } from '../../../../test/support/in-memory-core';
import { searchWords } from '../expenses/search-terms';

const bed = () => chat(inMemoryCore(fixedClock('2026-11-20T10:00:00Z')).deps, 'seeker');

test('words are compared without case or accents, Vietnamese đ included', () => {
  expect(searchWords('Phở  Bò, ĐÀ Lạt!')).toEqual(['pho', 'bo', 'da', 'lat']);
  expect(searchWords('Café Crème')).toEqual(['cafe', 'creme']);
});

test('given expenses in several currencies, when searching, then matches newest first with their count and total per currency', async () => {
  const { say } = bed();
  await say('4.50 Café crème #food 2026-10-03');
  await say('3 EUR cafe au lait 2026-11-02');
  await say('2.50 CAFE 2026-11-10');
  await say('40 groceries #food 2026-11-11');

  const text = await say('search café');

  expect(text.split('\n')).toEqual([
    '🔎 3 expenses match "café": €3.00 + $7.00',
    expect.stringMatching(/^• #3 · \$2\.50 · .* · CAFE · Tue 10 Nov 2026$/),
    expect.stringMatching(/^• #2 · €3\.00 · .* · cafe au lait · Mon 2 Nov 2026$/),
    expect.stringMatching(/^• #1 · \$4\.50 · food · Café crème · Sat 3 Oct 2026$/),
  ]);
});

test('given a period as the last word, then only that period; a category word finds its expenses; every word must match', async () => {
  const { say } = bed();
  await say('4.50 coffee #food 2026-10-03');
  await say('12 lunch #food 2026-11-02');
  await say('3 coffee beans #home 2026-11-04');

  expect(await say('search coffee 2026-10')).toContain('1 expense match "coffee" in October 2026: $4.50');
  expect(await say('search food month')).toContain('1 expense match "food" in November 2026: $12.00');
  expect(await say('search coffee beans')).toContain('1 expense match "coffee beans": $3.00');
  expect(await say('search coffee 2026-10-01 2026-11-03')).toContain('1 expense match "coffee" in 2026-10-01 to 2026-11-03: $4.50');
  expect(await say('search coffee tea')).toBe('🔎 Nothing matches "coffee tea".');
});

test('bad input gets a clear answer and an example', async () => {
  const { say } = bed();
  expect(await say('search')).toContain('Tell me what to look for');
  expect(await say('search !!!')).toContain('Tell me what to look for');
  expect(await say('search a b c d e f')).toContain('at most 5 words');
});
