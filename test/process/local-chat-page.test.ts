import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startTestServer, TestServer } from '../support/test-server';

// The chat page in a real browser: type, see replies, click choices. Needs Debian's chromium
// (.ci/run installs it); without it the test says so and checks nothing.
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

(CHROMIUM ? test : test.skip)('the local chat page: type an expense, press its choices, download an export, receive later replies', async () => {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM!,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.fill('#user', 'browser');
    const bot = page.locator('.bot');
    const say = async (text: string, expectedReplies: number) => {
      await page.fill('#text', text);
      await page.press('#text', 'Enter');
      await bot.nth(expectedReplies - 1).waitFor();
    };
    await say('12.50 lunch #food', 1);
    expect(await bot.nth(0).innerText()).toContain('Recorded #1 · $12.50 · food · lunch');

    // A reply to a press takes the pressed message's place, as on Telegram and Slack.
    await bot.nth(0).locator('button', { hasText: 'Change category' }).click();
    await bot.nth(0).locator('button', { hasText: 'travel' }).waitFor();
    await bot.nth(0).locator('button', { hasText: 'travel' }).click();
    await bot.nth(0).getByText('Updated #1').waitFor();
    expect(await bot.nth(0).innerText()).toContain('Updated #1 · $12.50 · travel');
    expect(await bot.nth(0).locator('b').first().innerText()).toBe('$12.50');

    await say('export', 2);
    const link = bot.nth(1).locator('a');
    expect(await link.getAttribute('download')).toMatch(/^spendwise-.*\.csv$/);
    const href = (await link.getAttribute('href'))!;
    expect(Buffer.from(href.split(',')[1]!, 'base64').toString('utf8')).toContain(',12.50,USD,travel,lunch,#1');

    await say('lunch with Sam', 3);
    expect(await bot.nth(2).innerText()).toContain('I keep track of what you spend');

    await say('5 <img src=x onerror=alert(1)> *tea*', 4);
    expect(await bot.nth(3).innerText()).toContain('<img src=x onerror=alert(1)> *tea*');
    expect(await bot.nth(3).locator('img').count()).toBe(0);

    // A receipt photo through the upload control: read on this machine, a draft to confirm.
    await page.setInputFiles('#photo', resolve(__dirname, '../../bot/src/receipts/local/fixtures/green-leaf-cafe.png'));
    await bot.nth(4).waitFor({ timeout: 20_000 }).catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await page.locator('#log').innerText()}`);
    });
    expect(await bot.nth(4).innerText()).toContain('Receipt: GREEN LEAF CAFE');
    await bot.nth(4).locator('button', { hasText: 'Confirm' }).click();
    await bot.nth(4).getByText('Recorded #3').waitFor();

    // Something the bot says later, to this chat: the page's long poll shows it.
    await server.services.core.outbound.post({ platform: 'local', conversationId: 'u:browser' }, [{ text: [{ kind: 'line', spans: [{ text: 'Your weekly digest' }] }] }]);
    await bot.nth(5).waitFor({ timeout: 10_000 });
    expect(await bot.nth(5).innerText()).toContain('Your weekly digest');

    // A report: its text, then its chart shown as an image on the page.
    await say('report', 8);
    expect(await bot.nth(6).innerText()).toContain('Spending in');
    const chart = bot.nth(7).locator('img');
    expect(await chart.getAttribute('alt')).toMatch(/^spendwise-.*-USD\.png$/);
    expect(await chart.evaluate((img) => (img as unknown as { decode(): Promise<void>; naturalWidth: number }).decode().then(() => (img as unknown as { naturalWidth: number }).naturalWidth))).toBe(1000);
  } finally {
    await browser.close();
  }
}, 60_000);

if (!CHROMIUM) {
  test('browser test notice', () => {
    console.warn('skipped the chat page browser test: chromium is not installed (apt-get install chromium)');
  });
}
