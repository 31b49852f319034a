import { actions } from '../conversation/actions';
import { code, formatted, line } from '../conversation/formatted-text';
import { choiceRows, Reply } from '../conversation/reply';

/** Where people who write in a language mostly live; the rest choose from a worldwide few. */
const ZONES_BY_LANGUAGE: Record<string, readonly string[]> = {
  en: ['Europe/London', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Sydney'],
  vi: ['Asia/Ho_Chi_Minh'],
  ru: ['Europe/Moscow', 'Asia/Yekaterinburg', 'Asia/Novosibirsk'],
  uk: ['Europe/Kyiv'],
  de: ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich'],
  fr: ['Europe/Paris', 'Europe/Brussels', 'America/Montreal'],
  es: ['Europe/Madrid', 'America/Mexico_City', 'America/Bogota', 'America/Argentina/Buenos_Aires'],
  pt: ['America/Sao_Paulo', 'Europe/Lisbon'],
  it: ['Europe/Rome'],
  ja: ['Asia/Tokyo'],
  id: ['Asia/Jakarta'],
  th: ['Asia/Bangkok'],
};
const WORLDWIDE = ['Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Singapore', 'Asia/Tokyo'];
const PER_ROW = 2;

/**
 * Asked once, with the first expense of a ledger no platform told the timezone of (Telegram gives
 * none): until someone answers, "today" is UTC's.
 */
export function timeZoneQuestion(locale: string | undefined): Reply {
  const language = locale?.split(/[-_]/)[0]?.toLowerCase() ?? '';
  const zones = [...new Set([...(ZONES_BY_LANGUAGE[language] ?? []), ...WORLDWIDE])].slice(0, 6);
  const rows = choiceRows(zones.map((zone) => ({ label: zone.replace(/_/g, ' '), action: actions.setTimeZone(zone) })), PER_ROW);
  return {
    text: formatted(
      line('🕒 Which timezone are you in? It decides what “today” and “yesterday” mean; until you say, I use UTC.'),
      line('Or type, for example: ', code('timezone Europe/Paris')),
    ),
    choices: rows,
  };
}
