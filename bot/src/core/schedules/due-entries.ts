import { LocalDate } from '../calendar/local-date';
import { LedgerEvent } from '../ledger/ledger-events';
import { LedgerState } from '../ledger/ledger-state';
import { dueAt } from './occurrences';

/** A change to the due index that a ledger write makes, in the same transaction. */
export type DueChange =
  | { readonly kind: 'put'; readonly schedule: string; readonly occurrence: LocalDate; readonly dueAt: string }
  | { readonly kind: 'remove'; readonly schedule: string };

/**
 * The due entries a write changes: those of the schedules its events touch, or all of the ledger's
 * when its timezone changed (every due instant moves). A paused or removed schedule has none.
 */
export function dueChanges(events: readonly LedgerEvent[], after: LedgerState, options: { all?: boolean } = {}): DueChange[] {
  const touched = new Set<string>(options.all ? Object.keys(after.schedules) : []);
  for (const event of events) {
    if (event.type === 'ScheduleSet') touched.add(event.data.schedule.id);
    else if (event.type === 'ScheduleRemoved' || event.type === 'ScheduleRan') touched.add(event.data.id);
    else if (event.type === 'SettingsChanged' && event.data.timeZone !== undefined) Object.keys(after.schedules).forEach((id) => touched.add(id));
  }
  return [...touched].sort().map((id): DueChange => {
    const schedule = after.schedules[id];
    if (!schedule || schedule.paused) return { kind: 'remove', schedule: id };
    return { kind: 'put', schedule: id, occurrence: schedule.next, dueAt: dueAt(schedule, schedule.next, after.settings.timeZone).toISOString() };
  });
}
