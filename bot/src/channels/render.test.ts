import { actions, MAX_ACTION_BYTES, parseAction, categoryFromToken } from '../core/conversation/actions';
import { bold, code, formatted, item, line, plainText } from '../core/conversation/formatted-text';
import { Reply } from '../core/conversation/reply';
import { toCategory } from '../core/expenses/categories';
import { editFormReply } from '../core/presentation/edit-form';
import { Expense } from '../core/ledger/expense';
import { CurrencyCode } from '../core/money/currencies';
import { LocalDate } from '../core/calendar/local-date';
import { MemberId } from '../core/ledger/ledger-id';
import { toLocalHtml, toLocalJson } from './local/local-render';
import { conversationKindOfBlock, slackModalOrigin, toSlackFormErrors, toSlackMessage, toSlackModal, toSlackMrkdwn } from './slack/slack-render';
import { toTelegramCallbackAnswer, toTelegramHtml, toTelegramMessage } from './telegram/telegram-render';

// One reply, rendered for every channel: formatting comes from spans only, user text is never markup.
const cyrillic = toCategory('продуктыпродуктыпродуктыпродукты')!; // 32 letters, 64 bytes
const emoji = toCategory('🍕'.repeat(32))!; // 32 emoji, 128 bytes
const reply: Reply = {
  text: formatted(
    line('📊 Spending in ', bold('November 2026')),
    line(bold('USD'), ': $20.00 in 2 expenses'),
    item('food: $12.50 · ', '<script>alert(1)</script> & *not bold* _nor italic_ `nor code`'),
    item('Type ', code('edit 1 amount 5 <b>')),
  ),
  choices: [
    [{ label: 'Undo', action: actions.undo(123456789), style: 'danger' }, { label: 'Edit', action: actions.edit(1) }],
    [{ label: cyrillic, action: actions.setCategory(123456789, cyrillic) }, { label: emoji, action: actions.setCategory(123456789, emoji) }],
  ],
};

test('the reply’s plain text is what every channel shows without formatting', () => {
  expect(plainText(reply.text)).toBe([
    '📊 Spending in November 2026',
    'USD: $20.00 in 2 expenses',
    '• food: $12.50 · <script>alert(1)</script> & *not bold* _nor italic_ `nor code`',
    '• Type edit 1 amount 5 <b>',
  ].join('\n'));
});

test('Slack: mrkdwn with &<> escaped and bold only from spans; rich text keeps user text exactly; buttons in rows', () => {
  const message = toSlackMessage(reply);
  expect(message.text).toBe([
    '📊 Spending in *November 2026*',
    '*USD*: $20.00 in 2 expenses',
    '• food: $12.50 · &lt;script&gt;alert(1)&lt;/script&gt; &amp; *not bold* _nor italic_ `nor code`',
    '• Type `edit 1 amount 5 &lt;b&gt;`',
  ].join('\n'));
  expect(message).toMatchSnapshot();
  const [rich, ...rows] = message.blocks;
  expect(JSON.stringify(rich)).toContain('"text":"<script>alert(1)</script> & *not bold* _nor italic_ `nor code`"');
  expect(rows.map((r) => ('elements' in r ? r.elements.length : 0))).toEqual([2, 2]);
  // Where the buttons belong rides in their block_id: a channel's message and one of the person's own.
  expect(rows.map((r) => ('block_id' in r ? conversationKindOfBlock(r.block_id) : undefined))).toEqual(['private', 'private']);
  const inChannel = toSlackMessage(reply, 'group').blocks.slice(1);
  expect(inChannel.map((r) => ('block_id' in r ? conversationKindOfBlock(r.block_id) : undefined))).toEqual(['group', 'group']);
  expect(conversationKindOfBlock('b')).toBeUndefined();
  expect(message.ephemeral).toBe(false);
  expect(toSlackMessage({ ...reply, audience: 'sender', replacesPressed: true })).toMatchObject({ ephemeral: true, replace_original: true });
});

test('Telegram: HTML with every user character escaped, an inline keyboard in rows, callbacks within 64 bytes', () => {
  const message = toTelegramMessage(reply);
  expect(message.text).toBe([
    '📊 Spending in <b>November 2026</b>',
    '<b>USD</b>: $20.00 in 2 expenses',
    '• food: $12.50 · &lt;script&gt;alert(1)&lt;/script&gt; &amp; *not bold* _nor italic_ `nor code`',
    '• Type <code>edit 1 amount 5 &lt;b&gt;</code>',
  ].join('\n'));
  expect(message.parse_mode).toBe('HTML');
  expect(message).toMatchSnapshot();
  const buttons = message.reply_markup!.inline_keyboard;
  expect(buttons.map((row) => row.length)).toEqual([2, 2]);
  for (const button of buttons.flat()) expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(MAX_ACTION_BYTES);
  expect(() => toTelegramMessage({ text: [], choices: [[{ label: 'x', action: 'y'.repeat(65) }]] })).toThrow(/64 bytes/);
  expect(toTelegramCallbackAnswer({ text: formatted('x'.repeat(300)) }).text).toHaveLength(200);
});

test('the local page: escaped HTML, items as a list, and the API’s original fields kept beside the new ones', async () => {
  expect(toLocalHtml(reply.text)).toBe(
    '📊 Spending in <b>November 2026</b><br><b>USD</b>: $20.00 in 2 expenses<br>' +
    '<ul><li>food: $12.50 · &lt;script&gt;alert(1)&lt;/script&gt; &amp; *not bold* _nor italic_ `nor code`</li>' +
    '<li>Type <code>edit 1 amount 5 &lt;b&gt;</code></li></ul>',
  );
  const json = await toLocalJson(reply);
  expect(json.text).toBe(plainText(reply.text));
  expect(json.choices).toEqual(reply.choices!.flat().map(({ label, action }) => ({ label, action })));
  expect(json.choiceRows?.[0]?.[0]).toEqual({ label: 'Undo', action: 'undo:123456789', style: 'danger' });
});

test('actions fit 64 bytes for 32-character Cyrillic and emoji categories, and name the same category back', () => {
  const family = toCategory('👨‍👩‍👧🇻🇳')!;
  expect([cyrillic, emoji, family].every(Boolean)).toBe(true);
  for (const category of [cyrillic, emoji, family, toCategory('food')!]) {
    const action = actions.setCategory(999_999_999, category);
    expect(Buffer.byteLength(action)).toBeLessThanOrEqual(MAX_ACTION_BYTES);
    const parsed = parseAction(action);
    expect(parsed?.kind).toBe('setCategory');
    if (parsed?.kind === 'setCategory') expect(categoryFromToken(parsed.category, [toCategory('food')!, cyrillic, emoji, family])).toBe(category);
  }
  expect(actions.setCategory(1, toCategory('food')!)).toBe('setcat:1:food');
});

test('a form: a Slack modal with current values; errors under each field; elsewhere a guided reply', () => {
  const expense: Expense = {
    ref: 7, amount: { minor: 1250, currency: 'EUR' as CurrencyCode }, category: toCategory('food')!, description: 'lunch <with> Sam',
    date: '2026-11-20' as LocalDate, recordedAt: '2026-11-20T12:00:00Z', recordedBy: 'mb_0000000000000001' as MemberId,
  };
  const form = editFormReply(expense);
  const channel = { id: 'C0123', kind: 'group' as const, workspace: 'T1' };
  const modal = toSlackModal(form.form!, channel);
  expect(modal).toMatchSnapshot();
  expect(modal.blocks.map((b) => [b.block_id, b.element.initial_value])).toEqual([
    ['amount', '12.50 EUR'], ['category', 'food'], ['date', '2026-11-20'], ['note', 'lunch <with> Sam'],
  ]);
  // The submission carries no channel: the modal remembers where it was opened.
  expect(slackModalOrigin(modal.private_metadata)).toEqual({ action: 'editform:7', conversation: channel });
  expect(slackModalOrigin('editform:7')).toBeUndefined();
  expect(toSlackFormErrors(form.form!)).toBeUndefined();
  const wrong = editFormReply(expense, { values: { amount: 'lots' }, errors: { amount: 'That is not an amount.' } });
  expect(toSlackFormErrors(wrong.form!)).toEqual({ response_action: 'errors', errors: { amount: 'That is not an amount.' } });
  expect(toTelegramHtml(wrong.text)).toContain('• Amount: That is not an amount.');
  expect(toTelegramHtml(form.text)).toContain('• <code>edit 7 amount 15.90</code>');
  expect(toSlackMrkdwn(form.text)).toContain('• `edit 7 note lunch with Sam`');
});

test('the App Home stays within Slack’s limits however many budgets and categories there are', async () => {
  const { toSlackHome } = await import('./slack/slack-home');
  const usd = 'USD' as CurrencyCode;
  const budgets = Array.from({ length: 60 }, (_, i) => ({ label: `category-number-${i}`, spent: { minor: i * 100, currency: usd }, limit: { minor: 5_000, currency: usd }, percent: i * 2 }));
  const home = toSlackHome({
    scope: 'personal',
    month: { period: { label: 'November 2026', from: '2026-11-01', to: '2026-11-30', previous: { label: 'October 2026', from: '2026-10-01', to: '2026-10-31' }, daysSoFar: 22 }, sections: [], previousOnly: [] } as never,
    budgets,
    recent: [],
    charts: [],
  });
  expect(home.blocks.length).toBeLessThanOrEqual(100);
  for (const block of home.blocks) {
    if ('text' in block && block.text && typeof block.text === 'object') expect(block.text.text.length).toBeLessThanOrEqual(3_000);
  }
  expect(JSON.stringify(home.blocks)).toContain('category-number-59');
});
