import { settingsFromHints } from './first-settings';

test.each([
  [{ timeZone: 'America/New_York', locale: 'en_US' }, { timeZone: 'America/New_York', locale: 'en-US', dateOrder: 'mdy' }],
  [{ timeZone: 'europe/london', locale: 'en-GB' }, { timeZone: 'Europe/London', locale: 'en-GB', dateOrder: 'dmy' }],
  [{ locale: 'vi' }, { locale: 'vi', dateOrder: 'dmy' }],
  // Telegram's bare "en" is written both ways around the world: no guess at the date order.
  [{ locale: 'en' }, { locale: 'en' }],
  [{ locale: 'pt-br' }, { locale: 'pt-BR', dateOrder: 'dmy' }],
  [{ timeZone: 'Mars/Olympus', locale: 'not a locale!' }, {}],
  [{}, {}],
])('given the hints %j, a new ledger starts with %j', (hints, settings) => {
  expect(settingsFromHints(hints)).toEqual(settings);
});
