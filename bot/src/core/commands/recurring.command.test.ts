import { chat, choicesOf, textOf } from '../../../../test/support/chat';
import { fixedClock, inMemoryCore } from '../../../../test/support/in-memory-core';
import { posted } from '../../../../test/support/schedules';
import { createScheduler } from '../schedules/scheduler';
import { runSchedule } from '../schedules/run-schedule';

function bed(at = '2026-11-22T10:00:00Z') {
  const clock = fixedClock(at);
  const core = inMemoryCore(clock);
  const scheduler = createScheduler({ due: core.store.due, run: (r) => runSchedule(r, core.deps), clock, intervalMs: 1000, log: { error: (d) => core.errors.push(d) } });
  return { clock, scheduler, ...core };
}

describe('recurring expenses in chat', () => {
  test('add, list, and the first run on its day', async () => {
    const { clock, deps, mailbox, scheduler } = bed();
    const ana = chat(deps, 'ana');
    expect(await ana.say('recurring add monthly 1 1200 rent #housing')).toBe('🔁 r1 · $1,200.00 · housing · rent · monthly on the 1st\nFirst: Tue 1 Dec 2026.');
    expect(await ana.say('recurring add weekly mon 15 gym')).toMatch(/^🔁 r2 · \$15\.00 · .* · gym · weekly on Monday\nFirst: Mon 23 Nov 2026\.$/);
    expect(await ana.say('recurring add yearly 15/03 99 domain')).toMatch(/r3 · \$99\.00 · .* · domain · yearly on 15 March\nFirst: Mon 15 Mar 2027\./);
    expect(await ana.say('recurring add yearly mar 15 12 backup')).toMatch(/yearly on 15 March/);
    const list = (await ana.say('recurring list')).split('\n');
    expect(list[0]).toBe('🔁 Recurring (4):');
    expect(list[1]).toBe('• r1 · $1,200.00 · housing · rent · monthly on the 1st · next Tue 1 Dec 2026');
    expect(list.slice(2).map((l) => l.split(' · ').at(-1))).toEqual(['next Mon 23 Nov 2026', 'next Mon 15 Mar 2027', 'next Mon 15 Mar 2027']);
    clock.set('2026-11-23T00:00:05Z');
    await scheduler.tick();
    expect(await posted(mailbox, 'ana')).toEqual([expect.stringMatching(/^🔁 Recorded r2, #1 · \$15\.00 · .* · gym · Mon 23 Nov 2026/)]);
  });

  test('an item added for today is recorded today, at the scheduler\'s next look', async () => {
    const { deps, scheduler } = bed('2026-11-22T10:00:00Z');
    const ben = chat(deps, 'ben');
    expect(await ben.say('recurring add monthly 22 9.99 music')).toContain('First: Sun 22 Nov 2026 (today).');
    await scheduler.tick();
    expect(await ben.say('list')).toMatch(/#1 · \$9\.99 · .* · music · Sun 22 Nov 2026/);
  });

  test('yearly dates follow the ledger\'s date order; month names always work', async () => {
    const { deps } = bed();
    const cleo = chat(deps, 'cleo');
    await cleo.say('dates mdy');
    expect(await cleo.say('recurring add yearly 03/15 99 domain')).toContain('yearly on 15 March');
    expect(await cleo.say('recurring add yearly 15 mar 99 domain')).toContain('yearly on 15 March');
    expect(await cleo.say('recurring add yearly 15/03 99 domain')).toMatch(/^⚠️ Say the date as month\/day/);
  });

  test('mistakes are answered with an example and change nothing', async () => {
    const { deps } = bed();
    const dan = chat(deps, 'dan');
    expect(await dan.say('recurring add fortnightly 1 10 x')).toMatch(/^⚠️ Say how often: monthly, weekly or yearly\.\nFor example: recurring add monthly 1 1200 rent #housing$/);
    expect(await dan.say('recurring add monthly 32 10 x')).toMatch(/^⚠️ Say which day of the month/);
    expect(await dan.say('recurring add weekly someday 10 x')).toMatch(/^⚠️ Say which day of the week/);
    expect(await dan.say('recurring add yearly 30/02 10 x')).toMatch(/^⚠️ Say the date/);
    expect(await dan.say('recurring add monthly 1 rent')).toMatch(/^⚠️/);
    expect(await dan.say('recurring add monthly 1 10 rent yesterday')).toMatch(/^⚠️ A recurring expense takes its dates/);
    expect(await dan.say('recurring remove r9')).toMatch(/^⚠️ There is no recurring expense r9/);
    expect(await dan.say('recurring list')).toMatch(/^No recurring expenses yet/);
  });

  test('pause, resume and remove; a paused one is not recorded; Undo on add removes it', async () => {
    const { clock, deps, scheduler } = bed();
    const eve = chat(deps, 'eve');
    const added = await eve.sendText('recurring add monthly 1 50 phone');
    expect(choicesOf(added[0])).toEqual([{ label: 'Undo', action: 'say:recurring remove r1', style: 'danger' }]);
    const paused = await eve.sendText('recurring pause r1');
    expect(textOf(paused)).toMatch(/^⏸️ Paused r1 · \$50\.00 · \w+ · phone · monthly on the 1st\.$/);
    expect(await eve.say('recurring list')).toMatch(/· paused$/);
    clock.set('2026-12-01T00:00:05Z');
    await scheduler.tick();
    expect(await eve.say('list')).toMatch(/^No expenses yet/);
    expect(await eve.press(choicesOf(paused[0])[0]!.action)).toMatch(/^▶️ Resumed r1 .*\. Next: Tue 1 Dec 2026\.$/);
    await scheduler.tick();
    expect(await eve.say('list')).toMatch(/phone · Tue 1 Dec 2026/);
    expect(await eve.press('say:recurring remove r1')).toMatch(/^🗑️ Removed r1 .*\. What it recorded stays\.$/);
    expect(await eve.say('recurring list')).toMatch(/^No recurring expenses yet/);
  });

  test('in a group only the person who set one up may change it', async () => {
    const { deps } = bed();
    const ana = chat(deps, 'ana', { group: 'flat' });
    const ben = chat(deps, 'ben', { group: 'flat' });
    await ana.say('recurring add monthly 1 1200 rent #housing');
    expect(await ben.say('recurring remove r1')).toMatch(/^⚠️ Only the person who set up r1 can change it\./);
    expect(await ana.say('recurring remove r1')).toMatch(/^🗑️ Removed r1/);
  });

  test('a redelivered add is one recurring expense', async () => {
    const { deps } = bed();
    const fay = chat(deps, 'fay');
    await fay.say('recurring add monthly 1 10 x', 'delivery-1');
    await fay.say('recurring add monthly 1 10 x', 'delivery-1');
    expect((await fay.say('recurring list')).split('\n')[0]).toBe('🔁 Recurring (1):');
  });
});

test('recurring list also shows the digest and the reminder, which run on the same scheduler', async () => {
  const { deps } = bed('2026-11-22T10:00:00Z');
  const gil = chat(deps, 'gil');
  await gil.say('digest monthly');
  await gil.say('remind daily 21:00');
  expect(await gil.say('recurring list')).toBe([
    'No recurring expenses yet. Add one like this: recurring add monthly 1 1200 rent #housing',
    '📬 Digest: monthly on the 1st at 09:00 · next Tue 1 Dec 2026',
    '⏰ Reminder: daily at 21:00 · next Sun 22 Nov 2026',
  ].join('\n'));
});
