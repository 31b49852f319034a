import { ConfigError, loadConfig } from './config';

test('no configuration at all: embedded DynamoDB Local, port 3000, local chat on', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({ port: 3000, tableName: 'spendwise', localChat: true, production: false });
  expect(config.storage).toEqual({ kind: 'embedded', dataDir: '.spendwise/dynamodb' });
});

test('an endpoint means that DynamoDB, creating the table when missing; DynamoDB Local needs no real credentials', () => {
  expect(loadConfig({ AWS_ENDPOINT_URL_DYNAMODB: 'http://localhost:8000' }).storage).toEqual({
    kind: 'dynamodb', endpoint: 'http://localhost:8000', createTableIfMissing: true, placeholderCredentials: true,
  });
  expect(loadConfig({ AWS_ENDPOINT_URL_DYNAMODB: 'http://localhost:8000', AWS_ACCESS_KEY_ID: 'AKIA' }).storage).toMatchObject({ placeholderCredentials: false });
});

test('production: AWS DynamoDB, the table is infrastructure’s job, no local chat', () => {
  const config = loadConfig({ NODE_ENV: 'production', AWS_REGION: 'eu-west-1' });
  expect(config.storage).toMatchObject({ kind: 'dynamodb', createTableIfMissing: false });
  expect(config.localChat).toBe(false);
});

test('every bad value is reported, each naming its variable; empty strings count as unset', () => {
  expect(() => loadConfig({ PORT: '99999', SPENDWISE_TABLE: 'x', SLACK_BOT_TOKEN: 'abc' })).toThrow(ConfigError);
  try {
    loadConfig({ PORT: '99999', SPENDWISE_TABLE: 'x', SLACK_BOT_TOKEN: 'abc', RECEIPT_OCR: '' });
  } catch (error) {
    const message = (error as Error).message;
    expect(message).toContain('PORT:');
    expect(message).toContain('SPENDWISE_TABLE:');
    expect(message).toContain('SLACK_BOT_TOKEN:');
    expect(message).not.toContain('RECEIPT_OCR');
    expect(message).not.toContain('abc');
  }
});

test('Telegram is on with its token; webhook mode needs the secret, polling does not; the token never shows in errors', () => {
  expect(loadConfig({}).telegram).toBeUndefined();
  expect(loadConfig({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_SECRET: 's3cret', TELEGRAM_API_ROOT: 'http://127.0.0.1:9/' }).telegram)
    .toEqual({ token: '123:abc', mode: 'webhook', webhookSecret: 's3cret', apiRoot: 'http://127.0.0.1:9' });
  expect(loadConfig({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_MODE: 'polling' }).telegram).toEqual({ token: '123:abc', mode: 'polling' });
  expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: '123:abc' })).toThrow(/TELEGRAM_WEBHOOK_SECRET: required/);
  expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: 'not a token', TELEGRAM_MODE: 'polling' })).toThrow(/TELEGRAM_BOT_TOKEN/);
  try {
    loadConfig({ TELEGRAM_BOT_TOKEN: 'not a token', TELEGRAM_MODE: 'polling' });
  } catch (error) {
    expect((error as Error).message).not.toContain('not a token');
  }
});

test('HOST: this machine only outside production, every interface in production, or what it says', () => {
  expect(loadConfig({}).host).toBe('127.0.0.1');
  expect(loadConfig({ NODE_ENV: 'production', AWS_REGION: 'eu-west-1' }).host).toBe('0.0.0.0');
  expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  expect(() => loadConfig({ HOST: 'example.com' })).toThrow(/HOST/);
});

test('Slack is on with its bot token: over HTTP with the signing secret, over Socket Mode with the app token', () => {
  expect(loadConfig({}).slack).toBeUndefined();
  expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'shh', SLACK_API_URL: 'http://127.0.0.1:9/api' }).slack)
    .toEqual({ botToken: 'xoxb-1', mode: 'http', signingSecret: 'shh', apiUrl: 'http://127.0.0.1:9/api/' });
  expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack).toEqual({ botToken: 'xoxb-1', mode: 'socket', appToken: 'xapp-1' });
  expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET: required/);
  expect(() => loadConfig({ SLACK_SIGNING_SECRET: 'shh' })).toThrow(/SLACK_BOT_TOKEN: required/);
});

test('write limits: 30 a minute and 2,000 a day unless RATE_LIMIT_PER_MINUTE / RATE_LIMIT_PER_DAY say; 0 is off; nonsense is refused by name', () => {
  expect(loadConfig({}).writeLimits).toEqual({ perMinute: 30, perDay: 2000 });
  expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_PER_DAY: '0' }).writeLimits).toEqual({ perMinute: 5, perDay: 0 });
  for (const bad of ['-1', '2.5', 'lots']) {
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: bad })).toThrow(/RATE_LIMIT_PER_MINUTE: .*0 turns the limit off|RATE_LIMIT_PER_MINUTE: 0 or more/);
    expect(() => loadConfig({ RATE_LIMIT_PER_DAY: bad })).toThrow(/RATE_LIMIT_PER_DAY:/);
  }
});

test('a malformed secret is named but never quoted: the message goes to the logs', () => {
  const values = { TELEGRAM_BOT_TOKEN: 'no-colon-token-Qx81', TELEGRAM_WEBHOOK_SECRET: 'has spaces Qx82', SLACK_BOT_TOKEN: 'xoxp-user-token-Qx83', SLACK_APP_TOKEN: 'app-token-Qx84' };
  expect(() => loadConfig(values)).toThrow(ConfigError);
  try {
    loadConfig(values);
  } catch (error) {
    const message = (error as Error).message;
    for (const [name, value] of Object.entries(values)) {
      expect(message).toContain(`${name}:`);
      expect(message).not.toContain(value);
    }
  }
});

test('the scheduler is on every 60 s unless SCHEDULER=off; its interval is whole seconds from 1 to 3600', () => {
  expect(loadConfig({}).scheduler).toEqual({ on: true, intervalMs: 60_000 });
  expect(loadConfig({ SCHEDULER: 'off', SCHEDULER_INTERVAL_SECONDS: '5' }).scheduler).toEqual({ on: false, intervalMs: 5_000 });
  expect(() => loadConfig({ SCHEDULER: 'maybe' })).toThrow(/SCHEDULER:/);
  expect(() => loadConfig({ SCHEDULER_INTERVAL_SECONDS: '0' })).toThrow(/SCHEDULER_INTERVAL_SECONDS:/);
  expect(() => loadConfig({ SCHEDULER_INTERVAL_SECONDS: '1.5' })).toThrow(/SCHEDULER_INTERVAL_SECONDS:/);
});
