import { FormattedText } from '../../core/conversation/formatted-text';
import { toTelegramHtml } from './telegram-render';
import { splitForTelegram } from './telegram-split';

const lines = (...texts: string[]): FormattedText => texts.map((text) => ({ kind: 'line', spans: [{ text }] }));

test('whole lines fill a message up to the limit of its HTML, counted as sent (escapes included)', () => {
  expect(splitForTelegram(lines('aaaa', 'bbbb', 'cccc'), 9)).toEqual([lines('aaaa', 'bbbb'), lines('cccc')]);
  // "<" is sent as "&lt;": 7 characters of HTML, so two such lines no longer fit in 9.
  expect(splitForTelegram(lines('a<', 'b'), 9).map(toTelegramHtml)).toEqual(['a&lt;\nb']);
  expect(splitForTelegram(lines('a<<', 'b'), 9).map(toTelegramHtml)).toEqual(['a&lt;&lt;', 'b']);
  for (const part of splitForTelegram(lines(...Array.from({ length: 50 }, (_, i) => `line ${i} & more`)), 60)) {
    expect(toTelegramHtml(part).length).toBeLessThanOrEqual(60);
  }
});

test('a single line longer than a message goes as plain pieces; nothing at all is one empty message', () => {
  const parts = splitForTelegram(lines('short', 'x'.repeat(25), 'tail'), 10);
  expect(parts.map(toTelegramHtml)).toEqual(['short', 'xxxxx', 'xxxxx', 'xxxxx', 'xxxxx', 'xxxxx', 'tail']);
  expect(splitForTelegram([])).toEqual([[]]);
});
