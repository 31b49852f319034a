import { CurrencyCode, currencyForSymbol, toCurrencyCode } from '../money/currencies';

/**
 * The words people put beside a number in chat, in the languages Spendwise serves (en, vi, es, pt,
 * ru, id/ms, de, fr): multipliers ("50k", "100 nghìn", "2 củ", "15 mil", "45 тыс", "2 juta") and
 * currencies ("евро", "dólares", "RM", "Rp"). Matched lower-cased, with and without diacritics.
 */
const THOUSAND = 3;
const MILLION = 6;

/** Written apart from the number: "100 nghìn", "15 mil", "45 тыс.", "2 juta", "30 lucas". */
const MULTIPLIER_WORDS: Record<string, number> = {
  k: THOUSAND, 'к': THOUSAND, nghìn: THOUSAND, nghin: THOUSAND, ngàn: THOUSAND, ngan: THOUSAND, rb: THOUSAND, ribu: THOUSAND,
  mil: THOUSAND, lucas: THOUSAND, luca: THOUSAND, 'тыс': THOUSAND, 'тыс.': THOUSAND, 'тысяч': THOUSAND, 'тысячи': THOUSAND, 'тысяча': THOUSAND,
  tr: MILLION, 'triệu': MILLION, trieu: MILLION, 'củ': MILLION, jt: MILLION, juta: MILLION, 'млн': MILLION, 'млн.': MILLION, mio: MILLION, 'mio.': MILLION,
  million: MILLION, millions: MILLION, millones: MILLION, 'millón': MILLION, 'milhões': MILLION, 'milhão': MILLION,
};

/** Glued to the number: "50k", "8tr", "36rb", "1,5jt", "2к", "1.5m". */
export const GLUED_MULTIPLIERS: Record<string, number> = { k: THOUSAND, 'к': THOUSAND, rb: THOUSAND, tr: MILLION, jt: MILLION, m: MILLION };

/** Currency words; `$` means "a dollar" (the ledger's own when it has one), `peso` the ledger's peso. */
const CURRENCY_WORDS: Record<string, string> = {
  usd: 'USD', 'усд': 'USD', dollar: '$', dollars: '$', 'dólar': '$', 'dólares': '$', dolar: '$', dolares: '$', bucks: '$',
  'доллар': 'USD', 'доллара': 'USD', 'долларов': 'USD', 'бакс': 'USD', 'баксов': 'USD',
  eur: 'EUR', 'еур': 'EUR', euro: 'EUR', euros: 'EUR', 'евро': 'EUR',
  'руб': 'RUB', 'руб.': 'RUB', 'рубль': 'RUB', 'рубля': 'RUB', 'рублей': 'RUB', 'р': 'RUB', 'р.': 'RUB',
  reais: 'BRL', conto: 'BRL', contos: 'BRL',
  'đồng': 'VND', dong: 'VND', 'đ': 'VND', 'vnđ': 'VND',
  ringgit: 'MYR', rm: 'MYR', rp: 'IDR', rupiah: 'IDR', baht: 'THB', yen: 'JPY', yuan: 'CNY', rupees: 'INR', rupee: 'INR',
  pesos: 'peso', peso: 'peso', franken: 'CHF', 'fr.': 'CHF', francs: 'CHF', pounds: 'GBP', quid: 'GBP', 'złotych': 'PLN',
  // Slang for the money of the country (French "balles", Spanish "pavos"): the ledger's own currency.
  balles: 'ledger', pavos: 'ledger', pavo: 'ledger',
};

/** Symbols glued before or after a number beyond the ISO ones: "RM25", "Rp25rb", "120.000đ", "250р". */
export const GLUED_CURRENCY_MARKS = ['rm', 'rp', 'đ', 'р'];

const PESO_CURRENCIES = new Set(['MXN', 'ARS', 'COP', 'CLP', 'PHP', 'UYU', 'DOP', 'CUP']);

export const stripMarks = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

export function multiplierOf(word: string): number | undefined {
  const w = word.toLowerCase();
  return MULTIPLIER_WORDS[w] ?? MULTIPLIER_WORDS[stripMarks(w)];
}

/**
 * The currency a word names, when it names one for this ledger: a symbol, an ISO code (in capitals
 * when it is also an everyday word), or a currency word.
 */
export function currencyOfWord(word: string, ledgerCurrency: CurrencyCode): CurrencyCode | undefined {
  const symbol = currencyForSymbol(word, ledgerCurrency);
  if (symbol) return symbol;
  const lower = word.toLowerCase();
  const named = CURRENCY_WORDS[lower] ?? CURRENCY_WORDS[stripMarks(lower)];
  if (named === '$') return currencyForSymbol('$', ledgerCurrency);
  if (named === 'peso') return PESO_CURRENCIES.has(ledgerCurrency) ? ledgerCurrency : undefined;
  if (named === 'ledger') return ledgerCurrency;
  if (named === 'BRL' && (lower === 'conto' || lower === 'contos') && ledgerCurrency !== 'BRL') return undefined;
  if (named) return named as CurrencyCode;
  if (/^[a-z]{3}$/i.test(word) && (word === word.toUpperCase() || !WORD_LIKE_CODES.has(lower))) return toCurrencyCode(word);
  return undefined;
}

/** Currency codes that are also everyday words: only upper case makes them a currency. */
export const WORD_LIKE_CODES = new Set(['all', 'top', 'cup', 'pen', 'try', 'mad', 'gel', 'sos', 'bob', 'mop', 'bam', 'cad', 'php', 'lak']);

/** "2 and 3", "café 1,50 y tostada 2": two expenses in one line, which a person would not merge. */
export const CONJUNCTIONS = new Set(['and', '&', '+', 'y', 'e', 'и', 'und', 'et', 'và', 'va', 'dan', 'plus']);

/** "Compré 3 pizzas por 2000": the number after one of these is the price. */
export const PRICE_WORDS = new Set(['for', 'por', 'за', 'für', 'fur', 'pour', 'seharga', 'harga', 'giá', 'gia', '@']);

/** "see you at 5", "a las 5", "às 3", "lúc 3", "jam 3", "um 15 Uhr", "à 14h": a time, not money. */
export const TIME_BEFORE = new Set(['at', 'las', 'às', 'as', 'lúc', 'luc', 'jam', 'pukul', 'um', 'à', 'vers', 'в', 'ab', 'bis']);
export const TIME_AFTER = new Set(['pm', 'am', 'h', 'uhr', 'giờ', 'gio', 'horas', 'hrs', "o'clock", 'часов', 'часа', 'час']);

/** Words that count things, never money: "3 items", "2 cuộc họp", "3 Sachen". */
export const COUNT_WORDS = new Set([
  'items', 'things', 'pieces', 'pcs', 'meetings', 'times', 'people', 'days', 'hours', 'minutes',
  'cái', 'cai', 'cuộc', 'cuoc', 'lần', 'lan', 'người', 'nguoi', 'chiếc', 'chiec',
  'cosas', 'reuniones', 'veces', 'personas', 'coisas', 'reuniões', 'reunioes', 'vezes', 'pessoas',
  'штуки', 'штук', 'штука', 'встречи', 'встреч', 'раза', 'раз', 'человек',
  'barang', 'buah', 'rapat', 'mesyuarat', 'kali', 'orang',
  'sachen', 'stück', 'stuck', 'termine', 'mal', 'leute',
  'trucs', 'choses', 'réunions', 'reunions', 'fois', 'personnes',
]);

/** Words that join a number to what follows without being counted by it: "coffee 3 with Sam". */
export const LINKING_WORDS = new Set([
  'with', 'at', 'for', 'in', 'on', 'from', 'to', 'by', 'via', 'con', 'en', 'de', 'del', 'para', 'com', 'no', 'na', 'em', 'do', 'da',
  'с', 'со', 'в', 'на', 'у', 'для', 'от', 'dengan', 'di', 'ke', 'dari', 'untuk', 'mit', 'bei', 'im', 'am', 'für', 'von', 'zu',
  'avec', 'à', 'au', 'pour', 'chez', 'du', 'des', 'với', 'ở', 'cho', 'tại', 'lúc',
]);
