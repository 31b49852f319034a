/**
 * The words for days and months in the languages the bot serves (en, vi, es, pt, ru, id, ms, de, fr),
 * written as people type them; matching folds case and accents (fold-text.ts), so one spelling each.
 *
 * A word that means something else in another served language is scoped to the languages where it is a
 * date word, and counts only when the ledger's locale is one of them:
 * - "hier" is French "yesterday" and German "here" ("hier 5 Bier"): French ledgers only.
 * - "semalam" is Malay "yesterday" and Indonesian "one night" ("hotel semalam"): Malay only;
 *   "kelmarin" is Malay "the day before yesterday" (Indonesian "kemarin" is yesterday): Malay only.
 * - Portuguese "segunda", "quarta", "quinta", "sexta" are also ordinals in Spanish and Portuguese
 *   ("segunda mano"): Portuguese only ("segunda-feira" is a weekday everywhere).
 * - Indonesian/Malay "minggu" is Sunday and "week": Indonesian/Malay only, and never before ini/lalu/depan.
 * - Vietnamese "t2"…"t7", "cn" and Russian "пн"…"вс": their own language only; English "thu" (Vietnamese
 *   "thu" without its marks is "autumn", "to collect"): English only. "mon", "wed", "sat", "sun" are words
 *   ("sun cream"), never dates.
 * - Month abbreviations that are words elsewhere ("out", "set", "ago", "des", "dis", "mac", "mars", "ene",
 *   "dic"): their own language only. English month names and abbreviations count everywhere (DECISIONS:
 *   "15 mar", "mar 15" always work).
 */

export interface DateWord {
  /** Folded words, in order: ["day", "before", "yesterday"]. */
  readonly words: readonly string[];
  /** Languages (BCP 47 primary subtags) where these words are a date; absent: every ledger. */
  readonly languages?: readonly string[];
}

const phrases = (texts: readonly string[], languages?: readonly string[]): DateWord[] =>
  texts.map((text) => ({ words: text.split(' '), ...(languages ? { languages } : {}) }));

/** Phrases for a day counted back from today: 0 today, 1 yesterday, 2 the day before. */
export const DAYS_BACK: readonly { readonly back: number; readonly phrases: readonly DateWord[] }[] = [
  {
    back: 0,
    phrases: [
      ...phrases(['today', 'tonight', 'this morning', 'this evening', 'this afternoon']),
      ...phrases(['hom nay', 'sang nay', 'trua nay', 'chieu nay', 'toi nay', 'bua nay']),
      ...phrases(['hoy', 'hoje', 'сегодня', 'hari ini', 'heute', 'esta manana', 'esta tarde', 'esta noche', 'hoje de manha', 'hoje a noite']),
      ...phrases(['сегодня утром', 'сегодня днем', 'сегодня вечером', 'tadi pagi', 'tadi siang', 'tadi sore', 'tadi malam']),
      ...phrases(['heute morgen', 'heute mittag', 'heute abend']),
      ...phrases(["aujourd'hui", 'aujourdhui', 'ce matin', 'ce midi', 'ce soir']),
    ],
  },
  {
    back: 1,
    phrases: [
      ...phrases(['yesterday', 'last night']),
      ...phrases(['hom qua', 'sang qua', 'trua qua', 'chieu qua', 'toi qua', 'dem qua', 'bua qua']),
      ...phrases(['ayer', 'anoche', 'ontem', 'ontem a noite', 'вчера', 'вчера вечером', 'вчера днем', 'вчера утром', 'kemarin', 'kemarin malam', 'kemarin sore']),
      ...phrases(['gestern', 'gestern abend', 'gestern mittag', 'gestern morgen']),
      ...phrases(['semalam'], ['ms']),
      ...phrases(['hier', 'hier soir', 'hier midi'], ['fr']),
    ],
  },
  {
    back: 2,
    phrases: [
      ...phrases(['day before yesterday', 'the day before yesterday']),
      ...phrases(['hom kia', 'bua kia']),
      ...phrases(['anteayer', 'antier', 'antes de ayer', 'anteontem', 'antes de ontem', 'позавчера']),
      ...phrases(['kemarin dulu', 'kemarin lusa', 'vorgestern', 'avant-hier', 'avant hier']),
      ...phrases(['kelmarin'], ['ms']),
    ],
  },
];

/** Weekday names, index 0 = Sunday … 6 = Saturday (as calendar/local-date's weekday()). */
export const WEEKDAY_NAMES: readonly (readonly DateWord[])[] = [
  [
    ...phrases(['sunday', 'chu nhat', 'domingo', 'воскресенье', 'ahad', 'sonntag', 'dimanche']),
    ...phrases(['minggu'], ['id', 'ms']),
    ...phrases(['cn'], ['vi']),
    ...phrases(['вс'], ['ru']),
  ],
  [
    ...phrases(['monday', 'thu hai', 'thu 2', 'lunes', 'segunda-feira', 'segunda feira', 'понедельник']),
    ...phrases(['senin', 'isnin', 'montag', 'lundi']),
    ...phrases(['segunda'], ['pt']),
    ...phrases(['t2'], ['vi']),
    ...phrases(['пн'], ['ru']),
  ],
  [
    ...phrases(['tuesday', 'tue', 'tues', 'thu ba', 'thu 3', 'martes', 'terca-feira', 'terca feira', 'terca']),
    ...phrases(['вторник', 'selasa', 'dienstag', 'mardi']),
    ...phrases(['t3'], ['vi']),
    ...phrases(['вт'], ['ru']),
  ],
  [
    ...phrases(['wednesday', 'thu tu', 'thu 4', 'miercoles', 'quarta-feira', 'quarta feira', 'среда', 'среду']),
    ...phrases(['rabu', 'mittwoch', 'mercredi']),
    ...phrases(['quarta'], ['pt']),
    ...phrases(['t4'], ['vi']),
    ...phrases(['ср'], ['ru']),
  ],
  [
    ...phrases(['thursday', 'thur', 'thurs', 'thu nam', 'thu 5', 'jueves', 'quinta-feira', 'quinta feira', 'четверг']),
    ...phrases(['thu'], ['en']),
    ...phrases(['kamis', 'khamis', 'donnerstag', 'jeudi']),
    ...phrases(['quinta'], ['pt']),
    ...phrases(['t5'], ['vi']),
    ...phrases(['чт'], ['ru']),
  ],
  [
    ...phrases(['friday', 'fri', 'thu sau', 'thu 6', 'viernes', 'sexta-feira', 'sexta feira', 'пятница', 'пятницу']),
    ...phrases(['jumat', "jum'at", 'jumaat', 'freitag', 'vendredi']),
    ...phrases(['sexta'], ['pt']),
    ...phrases(['t6'], ['vi']),
    ...phrases(['пт'], ['ru']),
  ],
  [
    ...phrases(['saturday', 'thu bay', 'thu 7', 'sabado', 'суббота', 'субботу', 'sabtu', 'samstag', 'sonnabend', 'samedi']),
    ...phrases(['t7'], ['vi']),
    ...phrases(['сб'], ['ru']),
  ],
];

/** Words after "minggu" that make it "week" ("minggu ini": this week), not Sunday. */
export const MINGGU_AS_WEEK = new Set(['ini', 'lalu', 'depan', 'kemarin', 'pertama', 'kedua', 'ketiga', 'terakhir']);

/** Words before a weekday or a calendar date that belong to it: "on friday", "el viernes", "am 3. November", "в пятницу". */
export const DATE_PREPOSITIONS = new Set(['on', 'last', 'el', 'le', 'am', 'den', 'vom', 'в', 'во', 'na', 'no', 'em', 'pada', 'hari', 'vao', 'ngay']);

/** Words between a day and its month or year: "3 de noviembre", "15 de março de 2025". */
export const DATE_JOINERS = new Set(['de', 'del']);

/** Month names, index 0 = January; full names and abbreviations, each with its languages when scoped. */
export const MONTH_NAMES: readonly (readonly DateWord[])[] = [
  [...phrases(['january', 'jan', 'enero', 'janeiro', 'января', 'январь', 'янв', 'januari', 'januar', 'janner', 'janvier', 'janv']), ...phrases(['ene'], ['es'])],
  [...phrases(['february', 'feb', 'febrero', 'fevereiro', 'fev', 'февраля', 'февраль', 'фев', 'februari', 'februar', 'fevrier', 'fevr'])],
  [...phrases(['march', 'mar', 'marzo', 'marco', 'марта', 'март', 'мар', 'maret', 'marz', 'mrz']), ...phrases(['mars'], ['fr']), ...phrases(['mac'], ['ms'])],
  [...phrases(['april', 'apr', 'abril', 'abr', 'апреля', 'апрель', 'апр', 'avril', 'avr'])],
  [...phrases(['may', 'mayo', 'maio', 'mai', 'мая', 'маи', 'mei'])],
  [...phrases(['june', 'jun', 'junio', 'junho', 'июня', 'июнь', 'июн', 'juni', 'juin'])],
  [...phrases(['july', 'jul', 'julio', 'julho', 'июля', 'июль', 'июл', 'juli', 'julai', 'juillet', 'juil'])],
  [...phrases(['august', 'aug', 'agosto', 'августа', 'август', 'авг', 'agustus', 'agu', 'agt', 'ogos', 'aout']), ...phrases(['ago'], ['es', 'pt'])],
  [...phrases(['september', 'sep', 'sept', 'septiembre', 'setiembre', 'setembro', 'сентября', 'сентябрь', 'сен', 'сент', 'septembre']), ...phrases(['set'], ['pt'])],
  [...phrases(['october', 'oct', 'octubre', 'outubro', 'октября', 'октябрь', 'окт', 'oktober', 'okt', 'octobre']), ...phrases(['out'], ['pt'])],
  [...phrases(['november', 'nov', 'noviembre', 'novembro', 'ноября', 'ноябрь', 'ноя', 'нояб', 'novembre'])],
  [...phrases(['december', 'dec', 'diciembre', 'dezembro', 'dez', 'декабря', 'декабрь', 'дек', 'desember', 'disember', 'dezember', 'decembre']), ...phrases(['dic'], ['es']), ...phrases(['des'], ['id']), ...phrases(['dis'], ['ms'])],
];

/** Month words people also write before the day ("nov 18", "March 5th"): English ones. */
export const MONTH_FIRST_LANGUAGE_WORDS = new Set([
  'january', 'jan', 'february', 'feb', 'march', 'mar', 'april', 'apr', 'may', 'june', 'jun', 'july', 'jul',
  'august', 'aug', 'september', 'sep', 'sept', 'october', 'oct', 'november', 'nov', 'december', 'dec',
]);

/** Vietnamese writes a month as "tháng" and its number: "15 tháng 3". */
export const VIETNAMESE_MONTH_WORD = 'thang';
