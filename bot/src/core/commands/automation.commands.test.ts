import { chat } from '../../../../test/support/chat';
import { fixedClock, inMemoryCore } from '../../../../test/support/in-memory-core';
import { posted } from '../../../../test/support/schedules';
import { createScheduler } from '../schedules/scheduler';
import { runSchedule } from '../schedules/run-schedule';
import { Chart } from '../charts/chart';
import { CoreDeps } from '../core-deps';
import { plainText } from '../conversation/formatted-text';

function bed(at: string) {
  const clock = fixedClock(at);
  const core = inMemoryCore(clock);
  const scheduler = createScheduler({ due: core.store.due, run: (r) => runSchedule(r, core.deps), clock, intervalMs: 1000, log: { error: (d) => core.errors.push(d) } });
  const tickAt = async (iso: string) => {
    clock.set(iso);
    return scheduler.tick();
  };
  return { clock, scheduler, tickAt, ...core };
}

describe('digests', () => {
  test('weekly: on the first day of the week at 09:00 local, last week\'s report; nothing before', async () => {
    const { deps, mailbox, tickAt } = bed('2026-11-18T10:00:00Z'); // a Wednesday
    const ana = chat(deps, 'ana');
    await ana.say('timezone Europe/Paris');
    await ana.say('40 groceries #food');
    await ana.say('12 taxi #transport 2026-11-17');
    expect(await ana.say('digest weekly')).toBe('📬 Weekly digest on: every Monday at 09:00 (Europe/Paris). First: Mon 23 Nov 2026.');
    await tickAt('2026-11-23T07:59:00Z');
    expect(await posted(mailbox, 'ana')).toEqual([]);
    await tickAt('2026-11-23T08:00:00Z'); // 09:00 in Paris
    const [digest, ...rest] = await posted(mailbox, 'ana');
    expect(digest).toMatch(/^📬 Your weekly digest\n📊 Spending in the week of 2026-11-16 \(2026-11-16 to 2026-11-22\)/);
    expect(digest).toContain('USD: $52.00 in 2 expenses');
    expect(rest).toEqual([]);
    const messages = await mailbox.after('ana', '', 10);
    expect(messages[0]!.reply.data?.kind).toBe('report');
    await tickAt('2026-11-29T08:00:00Z');
    expect(await posted(mailbox, 'ana')).toHaveLength(1);
    await tickAt('2026-11-30T08:00:00Z');
    expect(await posted(mailbox, 'ana')).toHaveLength(2);
  });

  test('week starts sunday: report week and the weekly digest follow it', async () => {
    const { deps, mailbox, tickAt } = bed('2026-11-18T10:00:00Z');
    const ben = chat(deps, 'ben');
    await ben.say('digest weekly');
    expect(await ben.say('week starts sunday')).toBe('📅 Weeks now start on Sunday; the weekly digest comes then.');
    expect(await ben.say('report week')).toMatch(/^📊 the week of 2026-11-15: no expenses recorded\./);
    await tickAt('2026-11-22T09:00:00Z'); // Sunday, 09:00 UTC
    expect((await posted(mailbox, 'ben'))[0]).toMatch(/^📬 Your weekly digest\n📊 the week of 2026-11-15: no expenses recorded\./);
    expect(await ben.say('week starts friday')).toMatch(/^⚠️ Say "week starts monday" or "week starts sunday"\./);
  });

  test('monthly: last month\'s report with the budgets, those exceeded named; late after downtime, once', async () => {
    const { deps, mailbox, tickAt } = bed('2026-11-10T10:00:00Z');
    const cleo = chat(deps, 'cleo');
    await cleo.say('budget food 50');
    await cleo.say('budget transport 100');
    await cleo.say('60 groceries #food');
    await cleo.say('30 bus #transport');
    expect(await cleo.say('digest monthly')).toContain('on the 1st of every month at 09:00 (UTC). First: Tue 1 Dec 2026.');
    await tickAt('2026-12-03T12:00:00Z'); // down over the 1st: sent once, late
    const [digest, budgets] = await posted(mailbox, 'cleo');
    expect(digest).toMatch(/^📬 Your monthly digest \(a little late: I was offline when it was due\)\n📊 Spending in November 2026/);
    expect(budgets).toBe([
      '🎯 Budgets for November 2026',
      '• 🔴 food: $60.00 of $50.00 (120%), $10.00 over',
      '• 🟢 transport: $30.00 of $100.00 (30%), $70.00 left',
      'Over budget in November 2026: food.',
    ].join('\n'));
    await tickAt('2026-12-03T12:01:00Z');
    expect(await posted(mailbox, 'cleo')).toHaveLength(2);
    expect(await cleo.say('digest off')).toBe('📬 Digest off.');
    await tickAt('2027-01-01T09:00:00Z');
    expect(await posted(mailbox, 'cleo')).toHaveLength(2);
    expect(await cleo.say('digest hourly')).toMatch(/^⚠️ Say weekly, monthly or off\./);
  });

  test('a digest comes with its report\'s chart, drawn once, after the run is recorded, however many times the run was decided', async () => {
    const { deps, mailbox, clock, store } = bed('2026-11-10T10:00:00Z');
    let conflicted = false;
    let recorded = false;
    const drawn: { chart: Chart; recorded: boolean }[] = [];
    const charted: CoreDeps = {
      ...deps,
      // The run's first append loses a race: its decision is made again on the fresh head.
      writer: {
        ...store.writer,
        async append(append) {
          const run = append.idempotencyKey?.startsWith('schedule/');
          if (run && !conflicted) {
            conflicted = true;
            return 'conflict';
          }
          const outcome = await store.writer.append(append);
          if (run && outcome === 'written') recorded = true;
          return outcome;
        },
      },
      charts: { render: async (chart) => (drawn.push({ chart, recorded }), { png: new Uint8Array([137, 80, 78, 71]), width: 1000, height: 600 }) },
    };
    const scheduler = createScheduler({ due: store.due, run: (r) => runSchedule(r, charted), clock, intervalMs: 1000, log: { error: () => {} } });
    const cleo = chat(charted, 'cleo');
    await cleo.say('budget food 50');
    await cleo.say('60 groceries #food');
    await cleo.say('7 EUR museum #fun');
    await cleo.say('digest monthly');
    clock.set('2026-12-01T09:00:00Z');
    await scheduler.tick();

    expect(conflicted).toBe(true);
    expect(drawn.map((d) => [d.chart.title, d.chart.currency, d.recorded])).toEqual([
      ['Spending in November 2026 · cleo', 'EUR', true],
      ['Spending in November 2026 · cleo', 'USD', true],
    ]);
    expect(drawn[1]!.chart.panels.map((p) => p.kind)).toEqual(['bars', 'cumulative']); // a month, day by day
    const messages = await mailbox.after('cleo', '', 10);
    expect(messages.map((m) => [plainText(m.reply.text).split('\n')[0], m.reply.image?.name])).toEqual([
      ['📬 Your monthly digest', undefined],
      ['📊 EUR: spending in November 2026', 'spendwise-2026-11-01-to-2026-11-30-EUR.png'],
      ['📊 USD: spending in November 2026', 'spendwise-2026-11-01-to-2026-11-30-USD.png'],
      ['🎯 Budgets for November 2026', undefined],
    ]);
  });
});

describe('reminders', () => {
  test('a nudge when nothing was logged, the day\'s total when something was; never more than one a day', async () => {
    const { deps, mailbox, tickAt } = bed('2026-11-22T10:00:00Z');
    const dan = chat(deps, 'dan');
    await dan.say('timezone America/New_York');
    expect(await dan.say('remind daily 21:00')).toBe('⏰ Every day at 21:00 (America/New_York) I nudge you if nothing was logged, or tell you the day\'s total. First: Sun 22 Nov 2026.');
    await tickAt('2026-11-23T01:59:00Z');
    expect(await posted(mailbox, 'dan')).toEqual([]);
    await tickAt('2026-11-23T02:00:00Z'); // 21:00 in New York
    expect(await posted(mailbox, 'dan')).toEqual(['📝 Nothing logged today yet. Anything to add? For example: 12.50 lunch #food']);
    await tickAt('2026-11-23T03:00:00Z');
    expect(await posted(mailbox, 'dan')).toHaveLength(1);
    await tickAt('2026-11-23T15:00:00Z');
    await dan.say('12.50 lunch');
    await dan.say('3 coffee');
    await tickAt('2026-11-24T02:00:00Z');
    expect((await posted(mailbox, 'dan'))[1]).toBe('📝 Today so far (Mon 23 Nov 2026): $15.50 in 2 expenses. Anything else to add?');
  });

  test('after downtime no reminder about a day that is over; the next one comes on time', async () => {
    const { deps, mailbox, tickAt } = bed('2026-11-22T10:00:00Z');
    const eve = chat(deps, 'eve');
    await eve.say('remind daily 21:00');
    await tickAt('2026-11-25T10:00:00Z'); // three evenings missed
    expect(await posted(mailbox, 'eve')).toEqual([]);
    await tickAt('2026-11-25T21:00:00Z');
    expect(await posted(mailbox, 'eve')).toHaveLength(1);
  });

  test('a reminder set after its time today starts tomorrow; off stops it; bad times are refused', async () => {
    const { deps, mailbox, tickAt } = bed('2026-11-22T22:00:00Z');
    const fay = chat(deps, 'fay');
    expect(await fay.say('remind daily 21:00')).toMatch(/First: Mon 23 Nov 2026\.$/);
    expect(await fay.say('remind daily 25:00')).toMatch(/^⚠️ Say "remind daily" and a time/);
    expect(await fay.say('remind off')).toBe('⏰ Reminder off.');
    await tickAt('2026-11-23T21:00:00Z');
    expect(await posted(mailbox, 'fay')).toEqual([]);
  });
});

describe('across a change of the clocks', () => {
  test('"09:00" in Paris stays 09:00 on the wall through the spring and autumn changes, once a day, looked at every 15 minutes', async () => {
    const { clock, deps, mailbox, tickAt } = bed('2026-03-26T12:00:00Z');
    const gus = chat(deps, 'gus');
    await gus.say('timezone Europe/Paris');
    await gus.say('remind daily 09:00');
    const sentAt: string[] = [];
    const walk = async (from: string, to: string) => {
      for (let t = Date.parse(from); t <= Date.parse(to); t += 15 * 60_000) {
        await tickAt(new Date(t).toISOString());
        const count = (await posted(mailbox, 'gus')).length;
        if (count > sentAt.length) sentAt.push(clock.now().toISOString());
      }
    };
    await walk('2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z');
    expect(sentAt).toEqual(['2026-03-27T08:00:00.000Z', '2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    // Set again in October (it replaces the one before): from the next 09:00 on.
    clock.set('2026-10-23T12:00:00Z');
    await gus.say('remind daily 09:00');
    const base = (await posted(mailbox, 'gus')).length;
    const seen: string[] = [];
    for (let t = Date.parse('2026-10-24T00:00:00Z'); t <= Date.parse('2026-10-27T00:00:00Z'); t += 15 * 60_000) {
      await tickAt(new Date(t).toISOString());
      if ((await posted(mailbox, 'gus')).length > base + seen.length) seen.push(clock.now().toISOString());
    }
    expect(seen).toEqual(['2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  test('a yearly expense on 29 February is recorded on the 28th in a common year and the 29th in a leap year', async () => {
    const { deps, tickAt } = bed('2027-01-10T12:00:00Z');
    const hal = chat(deps, 'hal');
    expect(await hal.say('recurring add yearly 29/02 30 leap party')).toContain('First: Sun 28 Feb 2027.');
    await tickAt('2027-02-28T00:00:01Z');
    await tickAt('2028-02-28T23:59:59Z');
    expect(await hal.say('list')).not.toContain('2028');
    await tickAt('2028-02-29T00:00:01Z');
    expect((await hal.say('list')).split('\n').filter((l) => l.includes('leap party'))).toEqual([
      expect.stringContaining('Tue 29 Feb 2028'), expect.stringContaining('Sun 28 Feb 2027'),
    ]);
  });
});
