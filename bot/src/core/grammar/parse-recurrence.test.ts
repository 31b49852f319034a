import { isUserError } from '../user-error';
import { describeRecurrence, parseRecurrence } from './parse-recurrence';

const read = (text: string, order: 'dmy' | 'mdy' = 'dmy') => {
  const parsed = parseRecurrence(text.split(' '), order);
  return isUserError(parsed) ? parsed.code : { ...parsed, rest: parsed.rest.join(' ') };
};

test('how often, which day, and where the expense starts', () => {
  expect(read('monthly 1 1200 rent')).toEqual({ recurrence: { every: 'month', day: 1 }, rest: '1200 rent' });
  expect(read('monthly 31st 5 x')).toEqual({ recurrence: { every: 'month', day: 31 }, rest: '5 x' });
  expect(read('monthly last 5 x')).toEqual({ recurrence: { every: 'month', day: 31 }, rest: '5 x' });
  expect(read('weekly tues 15 gym')).toEqual({ recurrence: { every: 'week', weekday: 2 }, rest: '15 gym' });
  expect(read('Weekly Sunday 15 gym')).toEqual({ recurrence: { every: 'week', weekday: 0 }, rest: '15 gym' });
  expect(read('yearly 1st May 50 x')).toEqual({ recurrence: { every: 'year', month: 5, day: 1 }, rest: '50 x' });
  expect(read('yearly sept 9 50 x')).toEqual({ recurrence: { every: 'year', month: 9, day: 9 }, rest: '50 x' });
  expect(read('yearly 04/03 50 x')).toEqual({ recurrence: { every: 'year', month: 3, day: 4 }, rest: '50 x' });
  expect(read('yearly 04/03 50 x', 'mdy')).toEqual({ recurrence: { every: 'year', month: 4, day: 3 }, rest: '50 x' });
  expect(read('yearly 29/02 50 x')).toEqual({ recurrence: { every: 'year', month: 2, day: 29 }, rest: '50 x' });
});

test('what cannot be read is named', () => {
  expect(read('daily 5 x')).toBe('recurring.every');
  expect(read('monthly 0 5 x')).toBe('recurring.day');
  expect(read('weekly mo 5 x')).toBe('recurring.weekday');
  expect(read('yearly 31/04 5 x')).toBe('recurring.date');
  expect(read('yearly 15 5 x')).toBe('recurring.date');
});

test('recurrences are described the way people say them', () => {
  expect(describeRecurrence({ every: 'month', day: 1 })).toBe('monthly on the 1st');
  expect(describeRecurrence({ every: 'month', day: 22 })).toBe('monthly on the 22nd');
  expect(describeRecurrence({ every: 'month', day: 30 })).toBe("monthly on the 30th (or the month's last day)");
  expect(describeRecurrence({ every: 'month', day: 31 })).toBe('monthly on the last day');
  expect(describeRecurrence({ every: 'week', weekday: 3 })).toBe('weekly on Wednesday');
  expect(describeRecurrence({ every: 'year', month: 2, day: 29 })).toBe('yearly on 29 February');
});
