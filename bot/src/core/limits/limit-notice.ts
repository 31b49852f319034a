import { WriteDecision } from './write-limits';

type Refused = Extract<WriteDecision, { kind: 'refused' }>;

function inAWhile(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} minutes`;
  return `about ${Math.round(minutes / 60)} hours`;
}

/** "07:00" in the ledger's time zone; UTC when the zone is unknown to this runtime. */
function clockTime(at: Date, timeZone: string): string {
  const format = (zone: string) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(at);
  try {
    return format(timeZone);
  } catch {
    return `${format('UTC')} UTC`;
  }
}

/** The one polite answer to the write that went over a limit: which limit, and when to try again. */
export function limitNotice(refused: Refused, now: Date, timeZone: string): string {
  const { window, counted, retryAt } = refused;
  const who = counted === 'person' ? 'You have' : 'This group has';
  const many = window.limit.toLocaleString('en-US');
  const wait = retryAt.getTime() - now.getTime();
  const when = window.kind === 'minute'
    ? `Please try again in ${inAWhile(wait)}.`
    : `Please try again after ${clockTime(retryAt, timeZone)} (in ${inAWhile(wait)}).`;
  const span = window.kind === 'minute' ? 'in one minute' : 'today';
  return `⏳ ${who} made ${many} changes ${span}, the most I take, so I did not save this one. ${when} Until then I stay quiet about further changes.`;
}
