import { fixedClock, inMemoryCore } from '../../../../test/support/in-memory-core';
import { chat } from '../../../../test/support/chat';
import { personWithSchedule, posted } from '../../../../test/support/schedules';
import { ConversationGoneError } from '../ports/outbound.port';
import { createScheduler } from './scheduler';
import { runSchedule } from './run-schedule';

function bed(startsAt = '2026-11-30T12:00:00Z') {
  const clock = fixedClock(startsAt);
  const core = inMemoryCore(clock);
  const schedulerOn = (deps = core.deps) => createScheduler({ due: core.store.due, run: (r) => runSchedule(r, deps), clock, intervalMs: 1000, log: { error: (d) => core.errors.push(d) } });
  return { clock, ...core, scheduler: schedulerOn(), schedulerOn };
}

describe('the scheduler', () => {
  test('records a recurring expense once its day begins, once, and tells the conversation with Undo', async () => {
    const { clock, deps, mailbox, scheduler, store } = bed();
    const { ledger } = await personWithSchedule(deps, 'ana', { next: '2026-12-01' }, 'Europe/Paris');
    clock.set('2026-11-30T22:59:00Z');
    expect(await scheduler.tick()).toEqual({ claimed: 0, failed: 0 });
    clock.set('2026-11-30T23:00:00Z'); // midnight in Paris
    expect(await scheduler.tick()).toEqual({ claimed: 1, failed: 0 });
    expect(await scheduler.tick()).toEqual({ claimed: 0, failed: 0 });
    const [expense] = await deps.expenses.recent(ledger, 10);
    expect(expense).toMatchObject({ description: 'rent', date: '2026-12-01', amount: { minor: 120000 }, category: 'housing' });
    const messages = await mailbox.after('ana', '', 10);
    expect(messages.map((m) => m.reply.choices?.flat().map((c) => c.action))).toEqual([[`undo:${expense!.ref}`, `edit:${expense!.ref}`, `cat:${expense!.ref}`]]);
    expect(await posted(mailbox, 'ana')).toEqual([expect.stringMatching(/^🔁 Recorded r1, #\d+ · \$1,200\.00 · housing · rent · Tue 1 Dec 2026/)]);
    expect(store.events(ledger).filter((e) => e.event.type === 'ScheduleRan').map((e) => e.event.data)).toEqual([{ id: 's1', occurrences: ['2026-12-01'], next: '2027-01-01' }]);
    // The Undo offered works like any other.
    expect(await chat(deps, 'ana').press(`undo:${expense!.ref}`)).toMatch(/^🗑️ Deleted/);
  });

  test('a run that keeps failing is tried again less and less often, and at least once a day; the next occurrence starts afresh', async () => {
    const { clock, deps, store, errors } = bed();
    let failing = true;
    const scheduler = createScheduler({
      due: store.due, clock, intervalMs: 1000, log: { error: (d) => errors.push(d) },
      run: async (r) => { if (failing) throw new Error('outage'); return runSchedule(r, deps); },
    });
    await personWithSchedule(deps, 'ana', { next: '2026-12-01' });
    const failures: { attempt: number; retryAt: string }[] = [];
    clock.set('2026-12-01T00:00:00Z');
    for (let minute = 0; minute < 3 * 24 * 60; minute += 1) {
      clock.set(new Date(Date.parse('2026-12-01T00:00:00Z') + minute * 60_000).toISOString());
      const { failed } = await scheduler.tick();
      if (failed) failures.push(errors.at(-1) as { attempt: number; retryAt: string });
    }
    // 5 minutes after the first failure, then 10, 20, 40 … apart, then once a day: a dozen tries in three days, not 864.
    const gapsInMinutes = failures.slice(1).map((f, i) => (Date.parse(f.retryAt) - Date.parse(failures[i]!.retryAt)) / 60_000);
    expect(failures.map((f) => f.attempt)).toEqual(Array.from({ length: failures.length }, (_, i) => i + 1));
    expect(failures.length).toBeLessThan(15);
    expect(gapsInMinutes.slice(0, 4)).toEqual([10, 20, 40, 80]);
    expect(Math.max(...gapsInMinutes)).toBeLessThanOrEqual(24 * 60);
    failing = false;
    clock.set('2026-12-05T00:00:00Z');
    expect((await scheduler.tick()).claimed).toBe(1);
    clock.set('2027-01-01T00:00:00Z');
    failing = true;
    await scheduler.tick();
    expect((errors.at(-1) as { attempt: number }).attempt).toBe(1);
  });

  test('two schedulers ticking at once over many due entries run each exactly once', async () => {
    const { clock, deps, mailbox, scheduler, schedulerOn, store } = bed();
    const people = Array.from({ length: 30 }, (_, i) => `p${i}`);
    const ledgers = [];
    for (const p of people) ledgers.push((await personWithSchedule(deps, p, { next: '2026-12-01' })).ledger);
    clock.set('2026-12-01T00:00:01Z');
    const other = schedulerOn();
    const [a, b] = await Promise.all([scheduler.tick(), other.tick()]);
    expect(a.claimed + b.claimed).toBe(30);
    for (const [i, ledger] of ledgers.entries()) {
      expect((await deps.expenses.recent(ledger, 10)).map((e) => e.date)).toEqual(['2026-12-01']);
      expect(await posted(mailbox, people[i]!)).toHaveLength(1);
      expect(store.events(ledger).filter((e) => e.event.type === 'ExpenseRecorded')).toHaveLength(1);
    }
  });

  test('a run whose claim lapsed and is run again records nothing twice and posts once', async () => {
    const { clock, deps, mailbox, store } = bed();
    const { ledger } = await personWithSchedule(deps, 'ben', { next: '2026-12-01' });
    clock.set('2026-12-01T00:00:01Z');
    const [entry] = await store.due.due(clock.now(), 10);
    // Two tasks both believe they hold it (a claim that lapsed mid-run): the write's key decides.
    const outcomes = await Promise.all([runSchedule(entry!, deps), runSchedule(entry!, deps)]);
    expect(outcomes.sort()).toEqual(['nothing', 'ran']);
    expect(await deps.expenses.recent(ledger, 10)).toHaveLength(1);
    expect(await posted(mailbox, 'ben')).toHaveLength(1);
  });

  test('after downtime the missed runs are caught up once, in one message that says so', async () => {
    const { clock, deps, mailbox, scheduler } = bed();
    const { ledger } = await personWithSchedule(deps, 'cleo', { next: '2026-12-31', recurrence: { every: 'month', day: 31 } });
    clock.set('2027-04-10T08:00:00Z');
    expect((await scheduler.tick()).claimed).toBe(1);
    expect((await scheduler.tick()).claimed).toBe(0);
    expect((await deps.expenses.recent(ledger, 10)).map((e) => e.date).sort()).toEqual(['2026-12-31', '2027-01-31', '2027-02-28', '2027-03-31']);
    const [message] = await posted(mailbox, 'cleo');
    expect(message).toMatch(/^🔁 Caught up 4 runs of r1 missed while I was offline \(Thu 31 Dec 2026 to Wed 31 Mar 2027\)/);
    expect(await posted(mailbox, 'cleo')).toHaveLength(1);
    expect(message!.split('\n').slice(1, 3)).toEqual([expect.stringMatching(/^• #\d+ · \$1,200\.00 · housing · rent · Thu 31 Dec 2026$/), expect.stringMatching(/Sun 31 Jan 2027$/)]);
  });

  test('one run missed while the service was down says so too', async () => {
    const { clock, deps, mailbox, scheduler } = bed();
    await personWithSchedule(deps, 'cleo', { next: '2026-12-01' });
    clock.set('2026-12-02T08:00:00Z');
    await scheduler.tick();
    expect(await posted(mailbox, 'cleo')).toEqual([expect.stringMatching(/^🔁 Recorded r1, .* Tue 1 Dec 2026\nCaught up: it was due while I was offline\.$/)]);
  });

  test('a budget crossed by a recorded occurrence is announced with it', async () => {
    const { clock, deps, mailbox, scheduler } = bed();
    await personWithSchedule(deps, 'dan', { next: '2026-12-01' });
    await chat(deps, 'dan').say('budget housing 1000');
    clock.set('2026-12-01T00:00:01Z');
    await scheduler.tick();
    expect((await posted(mailbox, 'dan'))[0]).toMatch(/🔴 Your housing spending is over its monthly budget: \$1,200\.00 of \$1,000\.00/);
  });

  test('a conversation that is gone pauses the ledger\'s schedules; nothing is retried', async () => {
    const { clock, deps, errors, store } = bed();
    const gone = { ...deps, outbound: { post: async () => { throw new ConversationGoneError('blocked'); } } };
    const { ledger } = await personWithSchedule(deps, 'eve', { next: '2026-12-01' });
    const own = createScheduler({ due: store.due, run: (r) => runSchedule(r, gone), clock, intervalMs: 1000, log: { error: (d) => errors.push(d) } });
    clock.set('2026-12-01T00:00:01Z');
    expect((await own.tick()).claimed).toBe(1);
    const { head } = await deps.writer.load(ledger, {});
    expect(head.state.schedules.s1?.paused).toBe('unreachable');
    clock.set('2027-06-01T00:00:00Z');
    expect(await store.due.due(clock.now(), 10)).toEqual([]);
    expect((await deps.expenses.recent(ledger, 10))).toHaveLength(1);
    // The next message there is told, once; resuming starts again from today.
    expect(await chat(deps, 'eve').say('list')).toMatch(/\n⏸️ I could not post to this conversation, so I paused what I do here by myself\. To start again:\n• recurring resume r1$/);
    expect(await chat(deps, 'eve').say('list')).not.toContain('⏸️');
    expect(await chat(deps, 'eve').say('recurring resume r1')).toMatch(/Next: Tue 1 Jun 2027\.$/);
    expect(await store.due.due(clock.now(), 10)).toHaveLength(1);
  });

  test('SCHEDULER_INTERVAL: started, it ticks by itself; stopped, it waits for the tick in flight', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const { clock, deps, scheduler } = bed();
      const { ledger } = await personWithSchedule(deps, 'fay', { next: '2026-12-01' });
      clock.set('2026-12-01T00:00:01Z');
      scheduler.start();
      await jest.advanceTimersByTimeAsync(999);
      expect(await deps.expenses.recent(ledger, 10)).toHaveLength(0);
      await jest.advanceTimersByTimeAsync(1);
      await scheduler.stop();
      expect(await deps.expenses.recent(ledger, 10)).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
