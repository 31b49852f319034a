import fc from 'fast-check';
import { LocalDate } from '../calendar/local-date';
import { isUserError } from '../user-error';
import { dateAt, DateOrder, looksLikeDate, parseDateWord } from './parse-date-word';

// Sunday 22 November 2026: yesterday Saturday the 21st, Friday the 20th, Monday the 16th.
const SUNDAY = '2026-11-22' as LocalDate;

/** The date phrase at the start of `text`, read in a ledger of `locale`. */
function phrase(text: string, locale?: string, today: LocalDate = SUNDAY, order: DateOrder = 'dmy') {
  return dateAt(text.split(' '), 0, today, order, locale);
}

describe('given a day counted back from today, in every served language', () => {
  test.each([
    ['today', 'en', 0], ['yesterday', 'en', 1], ['day before yesterday', 'en', 2], ['the day before yesterday', 'en', 2],
    ['hôm nay', 'vi', 0], ['hôm qua', 'vi', 1], ['hôm kia', 'vi', 2], ['trưa nay', 'vi', 0], ['tối qua', 'vi', 1],
    ['hom qua', 'vi', 1], ['HÔM QUA', 'vi', 1],
    ['hoy', 'es', 0], ['ayer', 'es', 1], ['anteayer', 'es', 2], ['antes de ayer', 'es', 2],
    ['hoje', 'pt', 0], ['ontem', 'pt', 1], ['anteontem', 'pt', 2],
    ['сегодня', 'ru', 0], ['вчера', 'ru', 1], ['позавчера', 'ru', 2], ['Вчера', 'ru', 1],
    ['hari ini', 'id', 0], ['kemarin', 'id', 1], ['kemarin dulu', 'id', 2], ['semalam', 'ms', 1], ['kelmarin', 'ms', 2],
    ['heute', 'de', 0], ['gestern', 'de', 1], ['vorgestern', 'de', 2], ['gestern Abend', 'de', 1], ['heute Morgen', 'de', 0],
    ['вчера вечером', 'ru', 1], ['tadi malam', 'id', 0], ['esta noche', 'es', 0], ['ontem à noite', 'pt', 1],
    ["aujourd'hui", 'fr', 0], ['aujourd’hui', 'fr', 0], ['hier', 'fr', 1], ['avant-hier', 'fr', 2], ['avant hier', 'fr', 2],
  ])('when "%s" is read in a %s ledger, then it is %i days back and takes every word', (text, language, back) => {
    const found = phrase(text, language);
    const expected = ['2026-11-22', '2026-11-21', '2026-11-20'][back];
    expect(found).toEqual({ length: text.split(' ').length, date: expected, couldBeAmount: false });
  });

  test('when "yesterday," carries punctuation, then it is still yesterday', () => {
    expect(phrase('ayer,', 'es')?.date).toBe('2026-11-21');
  });

  test('when the first day of the year is today, then yesterday is in the year before', () => {
    expect(phrase('вчера', 'ru', '2027-01-01' as LocalDate)?.date).toBe('2026-12-31');
    expect(phrase('hôm kia', 'vi', '2027-01-01' as LocalDate)?.date).toBe('2026-12-30');
  });
});

describe('given a weekday name: the most recent one strictly before today', () => {
  test.each([
    ['friday', undefined, '2026-11-20'], ['Fri', undefined, '2026-11-20'], ['monday', 'en', '2026-11-16'], ['Thu', 'en', '2026-11-19'],
    ['thứ hai', 'vi', '2026-11-16'], ['thu hai', 'vi', '2026-11-16'], ['thứ 6', 'vi', '2026-11-20'], ['t6', 'vi', '2026-11-20'],
    ['chủ nhật', 'vi', '2026-11-15'], ['thứ bảy', 'vi', '2026-11-21'],
    ['viernes', 'es', '2026-11-20'], ['el viernes', 'es', '2026-11-20'], ['miercoles', 'es', '2026-11-18'], ['sábado', 'es', '2026-11-21'],
    ['segunda', 'pt', '2026-11-16'], ['segunda-feira', 'pt', '2026-11-16'], ['na sexta', 'pt', '2026-11-20'], ['terça feira', 'pt', '2026-11-17'],
    ['понедельник', 'ru', '2026-11-16'], ['в пятницу', 'ru', '2026-11-20'], ['во вторник', 'ru', '2026-11-17'], ['в субботу', 'ru', '2026-11-21'],
    ['senin', 'id', '2026-11-16'], ['Jumat', 'id', '2026-11-20'], ['hari Sabtu', 'id', '2026-11-21'], ['minggu', 'id', '2026-11-15'],
    ['Isnin', 'ms', '2026-11-16'], ['Ahad', 'ms', '2026-11-15'],
    ['Montag', 'de', '2026-11-16'], ['am Freitag', 'de', '2026-11-20'],
    ['lundi', 'fr', '2026-11-16'], ['vendredi', 'fr', '2026-11-20'],
  ])('when "%s" is read (locale %s), then it is %s', (text, language, date) => {
    expect(phrase(text, language)).toEqual({ length: text.split(' ').length, date, couldBeAmount: false });
  });

  test('when today is that weekday, then it is a week ago', () => {
    expect(phrase('domingo', 'es')?.date).toBe('2026-11-15');
  });

  test('when the week crosses the new year, then the weekday is in the old year', () => {
    // Friday 1 January 2027: Thursday is 31 December 2026.
    expect(phrase('jeudi', 'fr', '2027-01-01' as LocalDate)?.date).toBe('2026-12-31');
  });
});

describe('given a word that is a date in one language and something else in another', () => {
  test.each([
    ['hier', 'de', 'German "here": "hier 5 Bier"'],
    ['hier', undefined, 'no locale: only words that are dates everywhere'],
    ['semalam', 'id', 'Indonesian "one night": "hotel semalam"'],
    ['segunda', 'es', 'Spanish "second": "segunda mano"'],
    ['sexta', undefined, 'ordinal outside Portuguese'],
    ['t6', 'en', 'Vietnamese shorthand only in Vietnamese'],
    ['thu', 'vi', 'Vietnamese "thu" (to collect) without its marks'],
    ['sun', 'en', '"sun cream"'],
    ['minggu ini', 'id', '"this week", not Sunday'],
  ])('when "%s" is read in a %s ledger, then it is not a date (%s)', (text, language, _why) => {
    expect(phrase(text, language)).toBeUndefined();
  });

  test('when "hier" is read in a French ledger, then it is yesterday', () => {
    expect(phrase('hier', 'fr-CH')?.date).toBe('2026-11-21');
  });

  test('when a preposition is not followed by a date, then it is not a date ("on groceries", "el pan")', () => {
    expect(phrase('on groceries', 'en')).toBeUndefined();
    expect(phrase('el pan', 'es')).toBeUndefined();
    expect(phrase('в кафе', 'ru')).toBeUndefined();
  });
});

describe('given a day and a month name, in every served language', () => {
  test.each([
    ['nov 18', 'en', '2026-11-18', 2, true],
    ['March 5th', 'en', '2026-03-05', 2, false],
    ['18 nov', 'en', '2026-11-18', 2, true],
    ['15 mar', 'es', '2026-03-15', 2, true],
    ['3 de noviembre', 'es', '2026-11-03', 3, false],
    ['15 de março', 'pt', '2026-03-15', 3, false],
    ['15 марта', 'ru', '2026-03-15', 2, true],
    ['3 ноября', 'ru', '2026-11-03', 2, true],
    ['15 tháng 3', 'vi', '2026-03-15', 3, false],
    ['ngày 15 tháng 3', 'vi', '2026-03-15', 4, false],
    ['15 Maret', 'id', '2026-03-15', 2, true],
    ['15 Mac', 'ms', '2026-03-15', 2, true],
    ['15. März', 'de', '2026-03-15', 2, false],
    ['am 3. November', 'de', '2026-11-03', 3, false],
    ['15 janvier', 'fr', '2026-01-15', 2, true],
    ['le 1er novembre', 'fr', '2026-11-01', 3, false],
    ['3 de noviembre de 2025', 'es', '2025-11-03', 5, false],
    ['15 mar 2025', 'en', '2025-03-15', 3, false],
    ['nov 18, 2025', 'en', '2025-11-18', 3, false],
  ])('when "%s" is read in a %s ledger, then it is %s (%i tokens; could be an amount: %s)', (text, language, date, length, couldBeAmount) => {
    expect(phrase(text, language)).toEqual({ length, date, couldBeAmount });
  });

  test('when the day and month are later in the year than today, then it is last year\'s', () => {
    expect(phrase('25 décembre', 'fr')?.date).toBe('2025-12-25');
    expect(phrase('31 дек', 'ru', '2027-01-01' as LocalDate)?.date).toBe('2026-12-31');
    expect(phrase('1 января', 'ru', '2027-01-01' as LocalDate)?.date).toBe('2027-01-01');
  });

  test('when 29 February has no year, then it is the last leap year\'s', () => {
    expect(phrase('29 feb', 'en')?.date).toBe('2024-02-29');
    expect(phrase('29 de febrero', 'es', '2028-03-01' as LocalDate)?.date).toBe('2028-02-29');
  });

  test('when 29 February names a year that is not a leap year, then it is a date that does not exist', () => {
    const found = phrase('29 feb 2025', 'en');
    expect(found?.length).toBe(3);
    expect(isUserError(found?.date)).toBe(true);
  });

  test('when a number after the date is not a recent year, then it is left for the amount', () => {
    expect(phrase('3 ноября 1800', 'ru')).toEqual({ length: 2, date: '2026-11-03', couldBeAmount: true });
  });

  test('when a month word is a word in another language, then it is a month only in its own', () => {
    expect(phrase('15 out', 'en')).toBeUndefined(); // "out" is October only in Portuguese
    expect(phrase('15 out', 'pt')?.date).toBe('2026-10-15');
    expect(phrase('5 des croissants', 'fr')).toBeUndefined();
    expect(phrase('mac 5', 'ms')).toBeUndefined(); // Malay writes the day first; "big mac 5"
  });

  test('when "tháng 11" has no day, then it is not a date ("tiền nhà tháng 11")', () => {
    expect(dateAt('tiền nhà tháng 11 8tr'.split(' '), 2, SUNDAY, 'dmy', 'vi')).toBeUndefined();
  });
});

describe('given numeric dates', () => {
  test.each([
    ['15/11', 'dmy', '2026-11-15', false],
    ['11/14', 'mdy', '2026-11-14', false],
    ['15.11.', 'dmy', '2026-11-15', false],
    ['15.11', 'dmy', '2026-11-15', true],
    ['15.11.2025', 'dmy', '2025-11-15', false],
    ['15.11.25', 'dmy', '2025-11-15', false],
    ['15-11', 'dmy', '2026-11-15', false],
    ['15-11-2025', 'dmy', '2025-11-15', false],
    ['2026-03-04', 'dmy', '2026-03-04', false],
    ['28.12', 'dmy', '2025-12-28', true],
  ])('when "%s" is read with %s dates, then it is %s (could be an amount: %s)', (text, order, date, couldBeAmount) => {
    expect(phrase(text, 'de', SUNDAY, order as DateOrder)).toEqual({ length: 1, date, couldBeAmount });
  });

  test('when a dotted pair cannot be a date, then it is money, not a date ("12.50", "31.02")', () => {
    expect(phrase('12.50')).toBeUndefined();
    expect(phrase('31.02')).toBeUndefined();
  });

  test('when a form that can only be a date does not exist, then it says so', () => {
    for (const text of ['31/02', '31.02.2026', '30-02-2026', '2026-02-30']) {
      expect(isUserError(phrase(text)?.date)).toBe(true);
    }
  });

  test('when 29.02 has no year on 1 March 2028, then it is that leap day', () => {
    expect(phrase('29.02', 'ru', '2028-03-01' as LocalDate)?.date).toBe('2028-02-29');
  });

  test('when a dotted pair without a year is read in a month-first ledger, then it is money, not a date', () => {
    expect(phrase('3.20', 'en', SUNDAY, 'mdy')).toBeUndefined();
    expect(phrase('11.14.2026', 'en', SUNDAY, 'mdy')?.date).toBe('2026-11-14');
  });
});

describe('given a line of chat, the phrase is found where it starts', () => {
  test('when the parser walks "cena 35,80 el viernes", then the date starts at "el" and takes two tokens', () => {
    const tokens = 'cena 35,80 el viernes'.split(' ');
    expect(tokens.map((_, i) => dateAt(tokens, i, SUNDAY, 'dmy', 'es-ES')?.length)).toEqual([undefined, undefined, 2, 1]);
  });

  test('when a number stands alone, then it is never a date', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(undefined, 'en', 'vi', 'es', 'pt', 'ru', 'id', 'ms', 'de', 'fr'), (n, language) => {
      expect(dateAt([String(n)], 0, SUNDAY, 'dmy', language)).toBeUndefined();
    }));
  });

  test('when any text is read, then it never throws and a date found is an existing date or a user error', () => {
    fc.assert(fc.property(fc.array(fc.string(), { maxLength: 6 }), fc.nat(6), (tokens, index) => {
      const found = dateAt(tokens, index, SUNDAY, 'dmy', 'fr');
      if (found) {
        expect(found.length).toBeGreaterThan(0);
        expect(index + found.length).toBeLessThanOrEqual(tokens.length);
        expect(typeof found.date === 'string' ? /^\d{4}-\d{2}-\d{2}$/.test(found.date) : isUserError(found.date)).toBe(true);
      }
    }));
  });
});

describe('the single-text API used by edits and receipts', () => {
  test('when a whole text is a date phrase, then parseDateWord reads it', () => {
    expect(parseDateWord('hôm qua', SUNDAY, 'dmy', 'vi')).toBe('2026-11-21');
    expect(parseDateWord('yesterday', SUNDAY, 'dmy')).toBe('2026-11-21');
    expect(parseDateWord('04/03', SUNDAY, 'dmy')).toBe('2026-03-04');
  });

  test('when the text has more than a date, then parseDateWord says it is not a date', () => {
    expect(isUserError(parseDateWord('yesterday lunch', SUNDAY, 'dmy'))).toBe(true);
    expect(isUserError(parseDateWord('', SUNDAY, 'dmy'))).toBe(true);
  });

  test('looksLikeDate: one token meant as a date, existing or not', () => {
    expect(looksLikeDate('gestern')).toBe(true);
    expect(looksLikeDate('31/02')).toBe(true);
    expect(looksLikeDate('lunch')).toBe(false);
    expect(looksLikeDate('15')).toBe(false);
  });
});
