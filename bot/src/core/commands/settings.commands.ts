import { textReply } from '../conversation/reply';
import { canonicalTimeZone, isValidTimeZone } from '../calendar/local-date';
import { DateOrder } from '../grammar/parse-date-word';
import { LedgerSettings } from '../ledger/ledger-events';
import { writeLedger } from '../ledger/write-ledger';
import { toCurrencyCode } from '../money/currencies';
import { CoreDeps } from '../core-deps';
import { Turn } from '../conversation/turn';
import { userError } from '../user-error';
import { Command, CommandResult, writeKey } from './command';
import { phrasesFor, REPLY_LANGUAGES } from '../presentation/phrases';

function changeSettings(turn: Turn, deps: CoreDeps, change: Partial<LedgerSettings>, confirmation: string): Promise<CommandResult> {
  return writeLedger(deps, {
    ...writeKey(turn),
    decide: async () => ({ events: [{ type: 'SettingsChanged', data: change }], replies: [textReply(confirmation)] }),
  });
}

/** Sets the ledger's timezone; `name` must be a valid IANA name. */
export function setTimeZone(turn: Turn, deps: CoreDeps, name: string): Promise<CommandResult> {
  const timeZone = canonicalTimeZone(name);
  return changeSettings(turn, deps, { timeZone }, `🕒 Dates now follow ${timeZone}.`);
}

export const currencyCommand: Command = {
  name: 'currency',
  usage: 'currency <ISO code>',
  summary: 'the currency for amounts without one: currency EUR',
  async run([code], turn, deps) {
    const currency = code ? toCurrencyCode(code) : undefined;
    if (!currency) {
      return userError('currency.unknown', code ? `"${code}" is not an ISO 4217 currency code.` : 'Tell me the currency code.', 'currency EUR');
    }
    return changeSettings(turn, deps, { currency }, `💱 Amounts without a currency are now in ${currency}.`);
  },
};

export const timezoneCommand: Command = {
  name: 'timezone',
  aliases: ['tz'],
  usage: 'timezone <IANA name>',
  summary: 'the timezone that decides "today": timezone Asia/Ho_Chi_Minh',
  async run([name], turn, deps) {
    if (!name || !isValidTimeZone(name)) {
      return userError('timezone.unknown', name ? `"${name}" is not a timezone I know.` : 'Tell me the timezone.', 'timezone Europe/Paris');
    }
    return setTimeZone(turn, deps, name);
  },
};

export const dateOrderCommand: Command = {
  name: 'dates',
  usage: 'dates <dmy|mdy>',
  summary: 'read 04/03 as 4 March (dmy, the default) or April 3 (mdy)',
  async run([order], turn, deps) {
    const value = order?.toLowerCase();
    if (value !== 'dmy' && value !== 'mdy') {
      return userError('dates.usage', 'Say "dmy" for day/month or "mdy" for month/day.', 'dates mdy');
    }
    const dateOrder: DateOrder = value;
    const example = dateOrder === 'dmy' ? '04/03 is 4 March' : '04/03 is April 3';
    return changeSettings(turn, deps, { dateOrder }, `📅 Dates like 04/03 are now ${dateOrder} (${example}).`);
  },
};

export const languageCommand: Command = {
  name: 'language',
  aliases: ['lang'],
  usage: 'language <code>',
  summary: `the language I answer in and read dates and words by: language vi (${REPLY_LANGUAGES.join(', ')} so far)`,
  async run([tag], turn, deps) {
    let locale: string | undefined;
    try {
      locale = tag ? Intl.getCanonicalLocales(tag)[0] : undefined;
    } catch {
      locale = undefined;
    }
    if (!locale) return userError('language.unknown', tag ? `"${tag}" is not a language code I know.` : 'Tell me the language code.', 'language es');
    return changeSettings(turn, deps, { locale }, phrasesFor(locale).languageSet);
  },
};
