import { CurrencyCode, currencyExponent } from '../money/currencies';

/**
 * Roughly how many of a currency's units make one US dollar (orders of magnitude, not a rate
 * to convert with): what decides that ₫2 or 0.5 ₽ is no one's expense. Unlisted currencies are
 * taken as dollar-like.
 */
const UNITS_PER_DOLLAR: Record<string, number> = {
  VND: 25_000, IDR: 16_000, IRR: 42_000, LAK: 21_000, UZS: 12_700, GNF: 8_600, PYG: 7_500, SLE: 23, KHR: 4_000,
  COP: 4_000, MMK: 2_100, KRW: 1_400, UGX: 3_700, TZS: 2_600, MNT: 3_400, ARS: 1_000, CLP: 950, HUF: 360, JPY: 150,
  NGN: 1_500, KZT: 480, PKR: 280, LKR: 300, AMD: 390, ISK: 140, BDT: 120, RUB: 90, INR: 85, KES: 130, DZD: 135,
  PHP: 57, THB: 35, TWD: 32, UAH: 41, TRY: 34, RSD: 108, CZK: 23, MXN: 18, ZAR: 18, EGP: 48, NPR: 135,
  SEK: 10.5, NOK: 10.8, DKK: 6.9, HKD: 7.8, CNY: 7.2, MYR: 4.5, PLN: 4, BRL: 5.5, ILS: 3.7, AED: 3.7, SAR: 3.75,
  PEN: 3.7, RON: 4.6, GEL: 2.7, BGN: 1.8, SGD: 1.35, AUD: 1.5, NZD: 1.65, CAD: 1.37,
};

/** The smallest and largest expense, in minor units, that this currency's ledgers plausibly hold. */
export function plausibleRange(currency: CurrencyCode): readonly [number, number] {
  const units = UNITS_PER_DOLLAR[currency] ?? 1;
  const minorPerUnit = 10 ** currencyExponent(currency);
  // Five cents' worth to a million dollars' worth.
  return [Math.floor(0.05 * units * minorPerUnit), Math.ceil(1_000_000 * units * minorPerUnit)];
}
