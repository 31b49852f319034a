/** Active ISO 4217 codes. Exponent is 2 unless listed below. */
const CODES = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP
BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL
GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT
LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR
PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB
TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR
ZMW ZWG`.split(/\s+/);

const EXPONENT_EXCEPTIONS: Record<string, number> = {
  ...Object.fromEntries('BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'.split(' ').map((c) => [c, 0])),
  ...Object.fromEntries('BHD IQD JOD KWD LYD OMR TND'.split(' ').map((c) => [c, 3])),
  CLF: 4,
  UYW: 4,
};

const KNOWN = new Set(CODES);

export type CurrencyCode = string & { readonly __brand: 'CurrencyCode' };

export function isCurrencyCode(code: string): code is CurrencyCode {
  return KNOWN.has(code);
}

/** Returns the ISO code for `input` (any case), or undefined when it is not an active ISO 4217 code. */
export function toCurrencyCode(input: string): CurrencyCode | undefined {
  const upper = input.toUpperCase();
  return isCurrencyCode(upper) ? upper : undefined;
}

export function currencyExponent(code: CurrencyCode): number {
  return EXPONENT_EXCEPTIONS[code] ?? 2;
}

/** Currencies whose everyday symbol is "$": a "$" in a ledger of one of these means that currency. */
const DOLLAR_CURRENCIES = new Set(['USD', 'AUD', 'CAD', 'NZD', 'SGD', 'HKD', 'MXN', 'TWD', 'BSD', 'BBD', 'BZD', 'FJD', 'JMD', 'LRD', 'NAD', 'SBD', 'TTD', 'XCD', 'BND', 'KYD', 'GYD', 'SRD', 'BMD', 'ARS', 'CLP', 'COP', 'CUP', 'DOP', 'UYU']);

const SYMBOLS: Record<string, string> = {
  '€': 'EUR', '£': 'GBP', '₫': 'VND', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '฿': 'THB', '₱': 'PHP',
  '₺': 'TRY', '₪': 'ILS', '₴': 'UAH', '₦': 'NGN', '₸': 'KZT', '₭': 'LAK', '₮': 'MNT', '₾': 'GEL',
  'zł': 'PLN', 'R$': 'BRL', 'US$': 'USD', 'A$': 'AUD', 'C$': 'CAD', 'NZ$': 'NZD', 'S$': 'SGD', 'HK$': 'HKD',
};

/** The symbols the grammar recognises, longest first so "US$" wins over "$". */
export const CURRENCY_SYMBOLS = [...Object.keys(SYMBOLS), '$', '¥', '円', '元']
  .sort((a, b) => b.length - a.length);

/** Resolves a currency symbol; "$" and "¥" lean towards the ledger's own currency when it uses them. */
export function currencyForSymbol(symbol: string, ledgerCurrency: CurrencyCode): CurrencyCode | undefined {
  if (symbol === '$') return (DOLLAR_CURRENCIES.has(ledgerCurrency) ? ledgerCurrency : 'USD') as CurrencyCode;
  if (symbol === '¥') return (ledgerCurrency === 'CNY' ? 'CNY' : 'JPY') as CurrencyCode;
  if (symbol === '円') return 'JPY' as CurrencyCode;
  if (symbol === '元') return 'CNY' as CurrencyCode;
  const code = SYMBOLS[symbol];
  return code ? (code as CurrencyCode) : undefined;
}
