import { CoreDeps } from '../../bot/src/core/core-deps';
import { LocalDate } from '../../bot/src/core/calendar/local-date';
import { LocalTime } from '../../bot/src/core/calendar/zoned-time';
import { Category } from '../../bot/src/core/expenses/categories';
import { writeLedger } from '../../bot/src/core/ledger/write-ledger';
import { CurrencyCode } from '../../bot/src/core/money/currencies';
import { plainText } from '../../bot/src/core/conversation/formatted-text';
import { LocalMailbox } from '../../bot/src/channels/local/local-mailbox';
import { Recurrence, Schedule, ScheduledTask, scheduleId } from '../../bot/src/core/schedules/schedule';
import { chat, ledgerOf } from './chat';

export interface SeedSchedule {
  readonly task?: ScheduledTask;
  readonly recurrence?: Recurrence;
  readonly at?: string;
  readonly next: string;
}

export const rentTask = (minor = 120000): ScheduledTask => ({ kind: 'expense', amount: { minor, currency: 'USD' as CurrencyCode }, description: 'rent', category: 'housing' as Category });

/**
 * A person's ledger (opened by a first message, in `timeZone`) with one schedule set directly, as
 * the `recurring` command would; for tests of the scheduler that come before the commands.
 */
export async function personWithSchedule(deps: CoreDeps, user: string, seed: SeedSchedule, timeZone = 'UTC') {
  await chat(deps, user).say(`timezone ${timeZone}`);
  const { ledger, member } = await ledgerOf(deps, user);
  let schedule: Schedule | undefined;
  await writeLedger(deps, {
    ledger, actor: member!,
    decide: async ({ head }) => {
      const ref = head.state.nextScheduleRef;
      schedule = {
        id: scheduleId(ref), ref, task: seed.task ?? rentTask(), recurrence: seed.recurrence ?? { every: 'month', day: 1 },
        at: (seed.at ?? '00:00') as LocalTime, next: seed.next as LocalDate, by: member!,
      };
      return { events: [{ type: 'ScheduleSet', data: { schedule } }], replies: [] };
    },
  });
  return { ledger, member: member!, schedule: schedule! };
}

/** Everything the scheduler posted to a local conversation so far, as plain text. */
export async function posted(mailbox: LocalMailbox, conversation: string): Promise<string[]> {
  return (await mailbox.after(conversation, '', 1000)).map((m) => plainText(m.reply.text));
}
