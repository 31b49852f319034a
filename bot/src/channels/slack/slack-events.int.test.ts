import { chat } from '../../../../test/support/chat';
import { fixedClock } from '../../../../test/support/in-memory-core';
import { FakeSlack, startFakeSlack } from '../../../../test/support/fake-slack';
import { blockAction, eventEnvelope, sharedSlackFixture, slackHeaders, slashCommandForm, viewSubmission } from '../../../../test/support/slack-requests';
import { startTestServer, TestServer } from '../../../../test/support/test-server';
import { Sent, slackHarness } from '../../../../test/support/slack-harness';

// Slack through the real HTTP server: signed requests in the shapes Slack sends, a Web API and
// response_url stand-in on loopback out. Assertions are on what the person would see.
const SECRET = 'slack-signing-secret';
let slack: FakeSlack;
let server: TestServer;
const clock = fixedClock('2026-11-22T10:00:00Z');

beforeAll(async () => {
  slack = await startFakeSlack();
  server = await startTestServer({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl }, { clock });
  // As in production: the chart worker's start (seconds from source on a busy machine) is not what these tests wait for.
  await server.services.charts.warm();
}, 60_000);
afterAll(async () => {
  await server.close();
  await slack.close();
});

const { send, settle, settleUntil, command, event, interaction, responses, posted, textOf } = slackHarness(SECRET, () => ({ slack, server }));

test('unsigned, wrongly signed or stale requests get 401 and change nothing', async () => {
  const form = slashCommandForm({ user: 'UEVE', text: '5 tea', responseUrl: slack.responseUrl('eve') });
  const stale = Math.floor(Date.now() / 1000) - 6 * 60;
  for (const headers of [{}, slackHeaders('wrong-secret', form), slackHeaders(SECRET, form, stale), slackHeaders(SECRET, `${form}&x=1`)]) {
    const res = await send(form, 'application/x-www-form-urlencoded', headers);
    expect(res.status).toBe(401);
    expect(res.calls).toEqual([]);
  }
  expect(textOf(responses(await command('UEVE', 'list'))[0]!)).toContain('No expenses yet');
});

test('url_verification is answered with its challenge', async () => {
  const genuine = sharedSlackFixture('url_verification.slack-doc.json');
  const body = genuine ?? JSON.stringify({ token: 't', challenge: 'c-123', type: 'url_verification' });
  const res = await send(body, 'application/json');
  expect(res.status).toBe(200);
  expect(JSON.parse(res.body).challenge).toBe(JSON.parse(body).challenge);
});

test('/spend quick add: acked at once, answered ephemerally with Block Kit and buttons; the timezone comes from Slack', async () => {
  slack.setUser('UANA', { tz: 'America/New_York', locale: 'en-US', real_name: 'Ana Lima' });
  clock.set('2026-11-23T03:00:00Z'); // still the 22nd in New York
  try {
    const res = await command('UANA', '12.50 lunch #food');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const [reply] = responses(res);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(textOf(reply!)).toBe('✅ Recorded #1 · *$12.50* · food · lunch · Sun 22 Nov 2026');
    const buttons = reply!.blocks.filter((b: { type: string }) => b.type === 'actions').flatMap((b: { elements: unknown[] }) => b.elements);
    expect(buttons.map((b: { text: { text: string } }) => b.text.text)).toEqual(['Undo', 'Edit', 'Change category']);
    expect(res.calls.filter((c) => c.path === '/api/users.info')).toHaveLength(1);
    // The timezone was asked of Slack only when the ledger opened.
    expect((await command('UANA', '3 coffee')).calls.filter((c) => c.path === '/api/users.info')).toHaveLength(0);
  } finally {
    clock.set('2026-11-22T10:00:00Z');
  }
});

test('a button press replaces the message it was on; Edit opens a modal whose wrong fields stay open with errors', async () => {
  await command('UBEA', '20 taxi');
  const undo = await interaction(blockAction({ user: 'UBEA', value: 'undo:1', blockId: 'sw:p:0', responseUrl: slack.responseUrl('bea-undo') }));
  expect(undo.status).toBe(200);
  expect(responses(undo)[0]).toMatchObject({ replace_original: true });
  expect(textOf(responses(undo)[0]!)).toContain('🗑️ Deleted #1');

  await command('UBEA', '30 dinner');
  const edit = await interaction(blockAction({ user: 'UBEA', value: 'edit:2', blockId: 'sw:p:0', responseUrl: slack.responseUrl('bea-edit') }));
  const [opened] = posted(edit, '/api/views.open');
  expect(opened!.view.type).toBe('modal');
  expect(opened!.view.blocks.map((b: { block_id: string; element: { initial_value: string } }) => [b.block_id, b.element.initial_value]))
    .toEqual([['amount', '30.00 USD'], ['category', 'food'], ['date', '2026-11-22'], ['note', 'dinner']]);

  const wrong = await interaction(viewSubmission({ user: 'UBEA', privateMetadata: opened!.view.private_metadata, values: { amount: 'lots', category: 'food', date: '2026-11-22', note: 'dinner' } }));
  expect(JSON.parse(wrong.body)).toMatchObject({ response_action: 'errors', errors: { amount: expect.any(String) } });
  expect(textOf(responses(await command('UBEA', 'list'))[0]!)).toContain('#2 · *$30.00*');

  const right = await interaction(viewSubmission({ user: 'UBEA', privateMetadata: opened!.view.private_metadata, values: { amount: '35', category: 'food', date: '2026-11-22', note: 'dinner with Jo' } }));
  expect(right.body).toBe('');
  expect(textOf(posted(right)[0]!)).toContain('✏️ Updated #2 · *$35.00* · food · dinner with Jo');
  expect(posted(right)[0]!.channel).toBe('D-UBEA');
});

test('a direct message works like a command; an Events API retry of the same event records nothing twice', async () => {
  const first = await event({ type: 'message', channel: 'DCAL', channel_type: 'im', user: 'UCAL', text: '9.99 book' }, { eventId: 'EvCAL1' });
  expect(textOf(posted(first)[0]!)).toContain('Recorded #1 · *$9.99*');
  expect(posted(first)[0]!.channel).toBe('DCAL');
  await event({ type: 'message', channel: 'DCAL', channel_type: 'im', user: 'UCAL', text: '9.99 book' }, { eventId: 'EvCAL1', retry: 1 });
  const list = await event({ type: 'message', channel: 'DCAL', channel_type: 'im', user: 'UCAL', text: 'list' });
  expect(textOf(posted(list)[0]!)).toContain('Latest 1');
  // The bot's own messages and edits are not for it.
  expect((await event({ type: 'message', channel: 'DCAL', channel_type: 'im', user: 'UBOT', text: '5 tea' })).calls).toEqual([]);
  expect((await event({ type: 'message', subtype: 'message_changed', channel: 'DCAL', channel_type: 'im', user: 'UCAL', text: '5 tea' })).calls).toEqual([]);
});

test('a mention in a channel uses the channel’s ledger; entries show who recorded them; only they can undo', async () => {
  slack.setUser('UDAN', { real_name: 'Dan Ode' });
  const mention = await event({ type: 'app_mention', channel: 'CTEAM', user: 'UDAN', text: '<@UBOT> 60 team lunch', team: 'T111' });
  expect(posted(mention)[0]!.channel).toBe('CTEAM');
  expect(textOf(posted(mention)[0]!)).toContain('Recorded #1 · *$60.00* · food · team lunch · Sun 22 Nov 2026 · by Dan Ode');
  const blockId = posted(mention)[0]!.blocks.find((b: { type: string }) => b.type === 'actions').block_id;
  expect(blockId).toBe('sw:g:0');
  // Someone else presses its Undo: told privately, nothing changes.
  const refused = await interaction(blockAction({ user: 'UEMMA', value: 'undo:1', blockId, channel: 'CTEAM', responseUrl: slack.responseUrl('emma-undo') }));
  expect(responses(refused)[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  expect(textOf(responses(refused)[0]!)).toContain('Only the person who recorded #1');
  const list = await event({ type: 'app_mention', channel: 'CTEAM', user: 'UEMMA', text: '<@UBOT> list', team: 'T111' });
  expect(textOf(posted(list)[0]!)).toContain('#1 · *$60.00* · food · team lunch · Sun 22 Nov 2026 · by Dan Ode');
  // /spend stays personal, even typed in that channel.
  const mine = await send(slashCommandForm({ user: 'UDAN', channel: 'CTEAM', text: 'list', responseUrl: slack.responseUrl('dan-list') }), 'application/x-www-form-urlencoded');
  expect(textOf(responses(mine)[0]!)).toContain('No expenses yet');
});

test('export uploads the CSV to the person’s DM (files upload v2), with a line where the command was typed', async () => {
  await command('UFAY', '12.50 lunch, with "Sam" #food');
  const res = await command('UFAY', 'export');
  const paths = res.calls.map((c) => c.path);
  expect(paths).toEqual(expect.arrayContaining(['/api/conversations.open', '/api/files.getUploadURLExternal', '/api/files.completeUploadExternal']));
  expect(paths.some((p) => p.startsWith('/upload/'))).toBe(true);
  const upload = res.calls.find((c) => c.path.startsWith('/upload/'))!;
  expect(String(upload.body.text)).toContain('2026-11-22,12.50,USD,food,"lunch, with ""Sam""",#1');
  const complete = res.calls.find((c) => c.path === '/api/files.completeUploadExternal')!;
  expect(complete.body.channel_id).toBe('D-UFAY');
  expect(textOf(responses(res)[0]!)).toContain('Sent spendwise-2026-11-01-to-2026-11-30.csv to your direct messages');
});

test('report: the text where it was asked, the chart uploaded to the person’s DM (files upload v2) with its caption', async () => {
  await command('UCHA', '12.50 lunch #food');
  const mark = slack.mark();
  const res = await settleUntil(await command('UCHA', 'report'), mark, '/response/UCHA-report', 2);
  expect(textOf(responses(res)[0]!)).toContain('Spending in *November 2026*');
  const upload = res.calls.find((c) => c.path.startsWith('/upload/'))!;
  expect((upload.body.raw as Buffer).includes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  const complete = res.calls.find((c) => c.path === '/api/files.completeUploadExternal')!;
  expect(complete.body.channel_id).toBe('D-UCHA');
  expect(complete.body.initial_comment).toBe('📊 USD: spending in November 2026');
  expect(JSON.stringify(complete.body.files)).toContain('spendwise-2026-11-01-to-2026-11-30-USD.png');
  expect(textOf(responses(res)[1]!)).toContain('Sent spendwise-2026-11-01-to-2026-11-30-USD.png to your direct messages');
});

test('report asked in a channel: the text in the channel, the chart uploaded to that channel', async () => {
  await event({ type: 'app_mention', channel: 'CCHART', user: 'UFIN', text: '<@UBOT> 60 team lunch', team: 'T111' });
  const mark = slack.mark();
  const res = await settleUntil(await event({ type: 'app_mention', channel: 'CCHART', user: 'UFIN', text: '<@UBOT> report', team: 'T111' }), mark, '/api/files.completeUploadExternal');
  expect(posted(res).map(textOf).some((t) => t.includes('Spending in *November 2026*'))).toBe(true);
  const complete = res.calls.find((c) => c.path === '/api/files.completeUploadExternal')!;
  expect(complete.body).toMatchObject({ channel_id: 'CCHART', initial_comment: '📊 USD: spending in November 2026' });
  expect(res.calls.some((c) => c.path === '/api/conversations.open')).toBe(false);
});

test('the App Home shows this month, budgets and the last expenses; it is published when opened and after a change', async () => {
  await command('UGIL', '40 groceries');
  await command('UGIL', 'budget groceries 50');
  const mark = slack.mark();
  const opened = await settleUntil(await event({ type: 'app_home_opened', user: 'UGIL', channel: 'DGIL', tab: 'home' }), mark, '/api/views.publish');
  const [home] = posted(opened, '/api/views.publish');
  expect(home!.user_id).toBe('UGIL');
  const text = JSON.stringify(home!.view.blocks);
  expect(text).toContain('Spent in USD: $40.00');
  expect(text).toContain('groceries: $40.00 of $50.00 (80%)');
  expect(text).toContain('#1 · $40.00 · groceries · groceries · Sun 22 Nov 2026');
  expect(text).toContain('say:report');
  // The category chart: uploaded to no channel (nobody is messaged), shown by its file id.
  const complete = opened.calls.find((c) => c.path === '/api/files.completeUploadExternal')!;
  expect(complete.body.channel_id).toBeUndefined();
  expect(JSON.stringify(complete.body.files)).toContain('Spending in November 2026');
  const chartId = complete.body.files[0].id;
  expect(slack.uploaded(chartId)?.bytes?.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  expect(home!.view.blocks).toContainEqual({ type: 'image', slack_file: { id: chartId }, alt_text: 'Spending by category in USD, November 2026' });
  expect((await event({ type: 'app_home_opened', user: 'UGIL', channel: 'DGIL', tab: 'messages' })).calls).toEqual([]);
  const after = await command('UGIL', '5 milk');
  expect(posted(after, '/api/views.publish')).toHaveLength(1);
  // A question changes nothing: no need to publish again.
  expect(posted(await command('UGIL', 'list'), '/api/views.publish')).toHaveLength(0);
  // The Home's Report button answers in the person's DM.
  const beforeReport = slack.mark();
  const report = await settleUntil(await interaction(blockAction({ user: 'UGIL', value: 'say:report', blockId: 'sw:p:home', container: 'view' })), beforeReport, '/api/files.completeUploadExternal');
  expect(posted(report)[0]!.channel).toBe('D-UGIL');
  expect(textOf(posted(report)[0]!)).toContain('Spending in *November 2026*');
});

test('an App Home whose chart Slack refuses is published again without it', async () => {
  await command('UHOM', '40 groceries');
  slack.failNext('views.publish', { error: 'invalid_blocks' });
  const mark = slack.mark();
  const opened = await settleUntil(await event({ type: 'app_home_opened', user: 'UHOM', channel: 'DHOM', tab: 'home' }), mark, '/api/views.publish', 2);
  const published = posted(opened, '/api/views.publish');
  expect(published).toHaveLength(2);
  expect(JSON.stringify(published[1]!.view.blocks)).not.toContain('slack_file');
  expect(JSON.stringify(published[1]!.view.blocks)).toContain('Spent in USD: $40.00');
});

test('Web API failures: a rate limit is waited out, invalid_auth is logged; Slack still gets its ack', async () => {
  slack.failNext('chat.postMessage', { status: 429, error: 'ratelimited', retryAfter: 1 });
  const mark = slack.mark();
  const limited = await event({ type: 'message', channel: 'DHAL', channel_type: 'im', user: 'UHAL', text: '7 tea' });
  expect(limited.status).toBe(200);
  await new Promise((r) => setTimeout(r, 1500)); // Retry-After: 1
  await settle();
  const tries = slack.since(mark).filter((c) => c.path === '/api/chat.postMessage' && textOf(c.body).includes('Recorded #1'));
  expect(tries).toHaveLength(2); // the refused try, then the retry after the wait
  slack.failNext('chat.postMessage', { error: 'invalid_auth' });
  const refused = await event({ type: 'message', channel: 'DHAL', channel_type: 'im', user: 'UHAL', text: '8 tea' });
  expect(refused.status).toBe(200);
  const list = await event({ type: 'message', channel: 'DHAL', channel_type: 'im', user: 'UHAL', text: 'list' });
  expect(textOf(posted(list)[0]!)).toContain('Latest 2');
});

test('an Events API retry of an event already answered is not answered again', async () => {
  const first = await event({ type: 'message', channel: 'DRET', channel_type: 'im', user: 'URET', text: '6 cake' }, { eventId: 'EvRET1' });
  expect(posted(first)).toHaveLength(2); // the confirmation, and the timezone question for a ledger with none
  const retry = await event({ type: 'message', channel: 'DRET', channel_type: 'im', user: 'URET', text: '6 cake' }, { eventId: 'EvRET1', retry: 1 });
  expect(retry.status).toBe(200);
  expect(posted(retry)).toEqual([]);
});

test('opening the App Home first opens the ledger with Slack’s timezone', async () => {
  slack.setUser('UHOME', { tz: 'America/New_York', locale: 'en-US', real_name: 'Hope' });
  await event({ type: 'app_home_opened', user: 'UHOME', channel: 'DHOME', tab: 'home' });
  clock.set('2026-11-23T03:00:00Z'); // still the 22nd in New York
  try {
    expect(textOf(responses(await command('UHOME', '12 lunch'))[0]!)).toContain('Sun 22 Nov 2026');
  } finally {
    clock.set('2026-11-22T10:00:00Z');
  }
});

test('a long answer goes as several messages Slack accepts, the buttons on none but the last', async () => {
  const long = 'a description long enough to make fifty lines of list well over what one message holds';
  // Recorded straight through the core (the same ledger /spend reaches), to keep the test quick.
  const person = chat(server.services.core, 'ULONG', { platform: 'slack', workspace: 'T111', hints: { timeZone: 'UTC' } });
  for (let i = 0; i < 50; i += 1) await person.say(`${i + 1} ${long} ${String.fromCharCode(97 + (i % 26))}`);
  const list = responses(await command('ULONG', 'list 50'));
  expect(list.length).toBeGreaterThan(1);
  for (const message of list) {
    expect(JSON.stringify(message.blocks).length).toBeLessThan(12_000);
    for (const block of message.blocks.filter((b: { type: string }) => b.type === 'rich_text')) {
      expect(JSON.stringify(block).length).toBeLessThan(6_000);
    }
  }
  expect(list.map((m) => textOf(m)).join('\n').match(/^• #/gm)).toHaveLength(50);
});

test('Change category offers a menu; choosing from it updates the expense in place', async () => {
  await command('UCAT', '8 cinema');
  const picker = await interaction(blockAction({ user: 'UCAT', value: 'cat:1', blockId: 'sw:p:0', responseUrl: slack.responseUrl('cat-pick') }));
  const [menu] = responses(picker);
  expect(menu).toMatchObject({ replace_original: true });
  const select = menu!.blocks.find((b: { type: string }) => b.type === 'actions').elements[0];
  expect(select.type).toBe('static_select');
  const travel = select.options.find((o: { text: { text: string } }) => o.text.text === 'travel');
  const chosen = blockAction({ user: 'UCAT', value: 'unused', blockId: menu!.blocks.find((b: { type: string }) => b.type === 'actions').block_id, responseUrl: slack.responseUrl('cat-chosen') });
  const { value: _v, ...withoutValue } = chosen.actions[0]!;
  const updated = await interaction({ ...chosen, actions: [{ ...withoutValue, type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'travel' }, value: travel.value } }] });
  expect(textOf(responses(updated)[0]!)).toContain('✏️ Updated #1 · *$8.00* · travel · cinema');
});

test('in a channel, a reply in a thread the bot started acts on the channel’s ledger and is answered in the thread', async () => {
  const started = await event({ type: 'app_mention', channel: 'CTHREAD', user: 'UTOM', text: '<@UBOT> 30 pizza', team: 'T111' });
  const botTs = '1700000999.000100'; // the bot's message people reply to
  expect(textOf(posted(started)[0]!)).toContain('Recorded #1');
  const reply = await event({ type: 'message', channel: 'CTHREAD', channel_type: 'channel', user: 'UUMA', text: '12 drinks', thread_ts: botTs, parent_user_id: 'UBOT' });
  expect(posted(reply)[0]).toMatchObject({ channel: 'CTHREAD', thread_ts: botTs });
  expect(textOf(posted(reply)[0]!)).toContain('Recorded #2 · *$12.00* · other · drinks');
  // People talking in the channel, or in someone else's thread, are not the bot's business.
  expect((await event({ type: 'message', channel: 'CTHREAD', channel_type: 'channel', user: 'UUMA', text: '5 coffee' })).calls).toEqual([]);
  expect((await event({ type: 'message', channel: 'CTHREAD', channel_type: 'channel', user: 'UUMA', text: '5 coffee', thread_ts: '1.2', parent_user_id: 'UTOM' })).calls).toEqual([]);
  // A thread reply that mentions the bot comes as app_mention too: answered once, from there.
  expect((await event({ type: 'message', channel: 'CTHREAD', channel_type: 'channel', user: 'UUMA', text: '<@UBOT> 5 coffee', thread_ts: botTs, parent_user_id: 'UBOT' })).calls).toEqual([]);
  const list = await event({ type: 'app_mention', channel: 'CTHREAD', user: 'UUMA', text: '<@UBOT> list', team: 'T111' });
  expect(textOf(posted(list)[0]!)).toContain('Latest 2');
});

test('a channel the bot was removed from: the scheduled post fails with not_in_channel, its schedules pause, the next mention says so', async () => {
  try {
    await event({ type: 'app_mention', channel: 'CGONE', user: 'UZED', text: '<@UBOT> recurring add monthly 22 10 snacks', team: 'T111' });
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    const mark = slack.mark();
    expect((await server.services.scheduler!.tick()).claimed).toBe(1);
    expect(slack.since(mark).filter((c) => c.path === '/api/chat.postMessage').map((c) => c.body.channel)).toEqual(['CGONE']);
    const list = await event({ type: 'app_mention', channel: 'CGONE', user: 'UZED', text: '<@UBOT> list', team: 'T111' });
    const texts = posted(list).map(textOf);
    expect(texts[0]).toMatch(/snacks/); // recorded all the same
    expect(texts[1]).toMatch(/^⏸️ I could not post to this conversation, so I paused what I do here by myself\. To start again:\n• `recurring resume r1`$/);
    clock.set('2026-12-22T10:00:00Z');
    const quiet = slack.mark();
    expect((await server.services.scheduler!.tick()).claimed).toBe(0);
    expect(slack.since(quiet).filter((c) => c.path === '/api/chat.postMessage')).toEqual([]);
  } finally {
    clock.set('2026-11-22T10:00:00Z');
  }
});
