import { costOf, itemSize, readUnits, TableShape, writeUnits } from './capacity';
import { WireCall } from './wire-recorder';

const shape: TableShape = { keys: ['pk', 'sk'], indexes: [{ name: 'byDate', keys: ['pk', 'lsi1sk'], projection: 'ALL' }] };
const s = (v: string) => ({ S: v });

test('an item is the UTF-8 length of its names and values; lists and maps add 3 bytes and 1 per element', () => {
  expect(itemSize({ pk: s('abc') })).toBe(2 + 3);
  expect(itemSize({ name: s('Phở') })).toBe(4 + 5); // ở is 3 bytes in UTF-8
  expect(itemSize({ ok: { BOOL: true }, gone: { NULL: true } })).toBe(2 + 1 + 4 + 1);
  expect(itemSize({ l: { L: [s('ab'), s('c')] } })).toBe(1 + 3 + (1 + 2) + (1 + 1));
  expect(itemSize({ m: { M: { k: s('vv') } } })).toBe(1 + 3 + 1 + 1 + 2);
  // Numbers: about a byte per two significant digits, plus one; zeros at either end do not count.
  expect(itemSize({ n: { N: '1250' } })).toBe(1 + 3);
  expect(itemSize({ n: { N: '-7' } })).toBe(1 + 3);
});

test('writes round up to 1 KB per item, reads to 4 KB, never below one unit', () => {
  expect([writeUnits(1), writeUnits(1024), writeUnits(1025)]).toEqual([1, 1, 2]);
  expect([readUnits(0), readUnits(4096), readUnits(4097)]).toEqual([1, 1, 2]);
});

const item = (sk: string, bytes: number, extra: Record<string, { S: string }> = {}) => {
  const base = { pk: s('L#1'), sk: s(sk), ...extra };
  return { ...base, pad: s('x'.repeat(bytes - itemSize(base) - 3)) };
};

test('a transaction bills each item twice, by the larger of its before and after; an index entry it adds bills once', () => {
  const call: WireCall = {
    operation: 'TransactWriteItems', input: {}, output: {},
    after: [
      { kind: 'Put', before: undefined, after: item('EXP#1', 1500, { lsi1sk: s('D#2026-11-22') }) },
      { kind: 'Update', before: item('TM#2026-11', 3000), after: item('TM#2026-11', 100) },
      { kind: 'ConditionCheck', before: item('HEAD', 200), after: item('HEAD', 200) },
    ],
  };
  const cost = costOf(shape, call);
  expect(cost.tableWrite).toBe(2 * 2 + 2 * 3 + 2 * 1);
  expect(cost.indexWrite).toBe(2);
});

test('a query bills its total once, rounded to 4 KB; a batch get bills each item, a missing one too; eventual reads half', () => {
  const query: WireCall = { operation: 'Query', input: {}, output: {}, after: { perItem: false, consistent: true, sizes: [1000, 1000, 1000], missing: 0 } };
  const batch: WireCall = { operation: 'BatchGetItem', input: {}, output: {}, after: { perItem: true, consistent: false, sizes: [1000, 5000], missing: 1 } };
  expect(costOf(shape, query).tableRead).toBe(1);
  expect(costOf(shape, batch).tableRead).toBe((1 + 2 + 1) / 2);
});
