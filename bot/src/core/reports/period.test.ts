import { LocalDate } from '../calendar/local-date';
import { isUserError } from '../user-error';
import { parsePeriod, parsePeriodWords, ReportPeriod } from './period';

const today = '2026-11-22' as LocalDate; // a Sunday
const period = (text?: string): ReportPeriod => {
  const p = parsePeriod(text, today);
  if (isUserError(p)) throw new Error(p.message);
  return p;
};

test('the current month by default, beside the whole previous month, averaged over the days so far', () => {
  expect(period()).toEqual({
    label: 'November 2026', from: '2026-11-01', to: '2026-11-30', daysSoFar: 22,
    previous: { label: 'October 2026', from: '2026-10-01', to: '2026-10-31' },
  });
});

test('a week runs Monday to Sunday', () => {
  expect(period('week')).toMatchObject({ from: '2026-11-16', to: '2026-11-22', daysSoFar: 7, previous: { from: '2026-11-09', to: '2026-11-15' } });
});

test('a past month counts all its days; January compares with the December before', () => {
  expect(period('2026-02')).toMatchObject({ from: '2026-02-01', to: '2026-02-28', daysSoFar: 28 });
  expect(period('2026-01').previous).toEqual({ label: 'December 2025', from: '2025-12-01', to: '2025-12-31' });
});

test('years', () => {
  expect(period('year')).toMatchObject({ from: '2026-01-01', to: '2026-12-31', daysSoFar: 326, previous: { from: '2025-01-01', to: '2025-12-31' } });
  expect(period('2024')).toMatchObject({ daysSoFar: 366 });
});

test('a future period has no days yet; nonsense is a user error', () => {
  expect(period('2027-01').daysSoFar).toBe(0);
  for (const text of ['fortnight', '2026-13', '26-01', '1800']) {
    const p = parsePeriod(text, today);
    expect(isUserError(p) && p.code).toBe('period.unknown');
  }
});

test('two dates are a range of days, both included, beside as many days just before', () => {
  const range = parsePeriodWords(['2026-11-10', '2026-11-30'], today);
  expect(range).toEqual({
    label: '2026-11-10 to 2026-11-30', from: '2026-11-10', to: '2026-11-30', daysSoFar: 13,
    previous: { label: '2026-10-20 to 2026-11-09', from: '2026-10-20', to: '2026-11-09' },
  });
  expect(parsePeriodWords(['month'], today)).toEqual(period('month'));
});

test('a range the wrong way round, too long, or not two dates is a user error that says why', () => {
  const error = (words: string[]) => {
    const p = parsePeriodWords(words, today);
    return isUserError(p) ? `${p.code}: ${p.message}` : 'no error';
  };
  expect(error(['2026-11-30', '2026-11-10'])).toBe('period.range: The range ends (2026-11-10) before it starts (2026-11-30).');
  expect(error(['2024-01-01', '2026-01-01'])).toMatch(/^period\.range: A range covers at most 400 days/);
  expect(error(['2026-11-01', 'friday'])).toMatch(/^period\.unknown: /);
  expect(error(['2026-11-01', '2026-11-02', '2026-11-03'])).toMatch(/^period\.unknown: /);
});
