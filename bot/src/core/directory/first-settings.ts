import { canonicalTimeZone, isValidTimeZone } from '../calendar/local-date';
import { DateOrder } from '../grammar/parse-date-word';
import { PlatformHints } from '../conversation/inbound-message';
import { LedgerSettings } from '../ledger/ledger-events';

/**
 * The settings a new ledger takes from the message that opened it: the platform's timezone and
 * locale, and the day/month order that locale writes dates in. Hints that do not parse are ignored.
 */
export function settingsFromHints(hints: PlatformHints): Partial<LedgerSettings> {
  const settings: { -readonly [K in keyof LedgerSettings]?: LedgerSettings[K] } = {};
  if (hints.timeZone && isValidTimeZone(hints.timeZone)) settings.timeZone = canonicalTimeZone(hints.timeZone);
  const locale = canonicalLocale(hints.locale);
  if (locale) {
    settings.locale = locale;
    const order = dateOrderOf(locale);
    if (order) settings.dateOrder = order;
  }
  return settings;
}

function canonicalLocale(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    // Slack writes en_US, Telegram en or pt-br.
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/** English without a region ("en", Telegram's usual code) is written both ways: no guess. */
function dateOrderOf(locale: string): DateOrder | undefined {
  const { language, region } = new Intl.Locale(locale);
  if (language === 'en' && !region) return undefined;
  return monthBeforeDay(locale) ? 'mdy' : 'dmy';
}

function monthBeforeDay(locale: string): boolean {
  const order = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2026, 2, 4)))
    .map((p) => p.type)
    .filter((t) => t === 'day' || t === 'month');
  return order[0] === 'month';
}
