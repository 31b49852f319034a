import { readFileSync } from 'node:fs';
import { sourceFiles } from '../../../../test/support/source-files';
import { SCOPES_FOR_EVENT, SCOPES_FOR_METHOD, slackManifest } from './slack-manifest';

const code = sourceFiles(__dirname).map((f) => readFileSync(f, 'utf8')).join('\n');

test('the manifest asks for exactly the scopes of the Web API methods the adapter calls', () => {
  const called = new Set([...code.matchAll(/client\.((?:[a-z]+\.[a-zA-Z]+)|filesUploadV2)\(/g)].map((m) => m[1]!));
  expect([...called].filter((m) => !(m in SCOPES_FOR_METHOD))).toEqual([]);
  expect(Object.keys(SCOPES_FOR_METHOD).filter((m) => !called.has(m))).toEqual([]);
  const scopes = slackManifest({ baseUrl: 'https://x.example' }).oauth_config.scopes.bot;
  expect(scopes).toEqual(['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'files:read', 'files:write', 'groups:history', 'im:history', 'im:write', 'users:read']);
});

test('the manifest subscribes to the events the adapter listens to, and points every URL at /slack/events', () => {
  // The message listener takes DMs and replies in the bot's channel threads (public and private).
  const listened = new Set([...code.matchAll(/app\.event\('([a-z_]+)'/g)].flatMap((m) => (m[1] === 'message' ? ['message.im', 'message.channels', 'message.groups'] : [m[1]!])));
  const manifest = slackManifest({ baseUrl: 'https://spendwise.example.com/' });
  expect(manifest.settings.event_subscriptions.bot_events).toEqual([...listened].sort());
  expect(Object.keys(SCOPES_FOR_EVENT).sort()).toEqual([...listened].sort());
  expect(manifest.features.slash_commands[0]).toMatchObject({ command: '/spend', url: 'https://spendwise.example.com/slack/events' });
  expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://spendwise.example.com/slack/events' });
  expect(manifest.features.app_home.home_tab_enabled).toBe(true);
});

test('a Socket Mode manifest needs no URL; an HTTP one does', () => {
  const socket = slackManifest({ socketMode: true });
  expect(socket.settings.socket_mode_enabled).toBe(true);
  expect(JSON.stringify(socket)).not.toContain('request_url');
  expect(() => slackManifest({})).toThrow(/base URL/);
});

test('Bolt’s free-text log lines lose any token or secret they carry', async () => {
  const { redactSlackSecrets } = await import('./slack-channel');
  const line = redactSlackSecrets('envelope {"token":"verification_token","payload":{"x":1}} with xoxb-123-456-abc and xapp-1-A1-2-def, signature=v0=abc');
  expect(line).not.toMatch(/verification_token|xoxb-123|xapp-1-A1|v0=abc/);
  expect(line).toContain('"payload"');
});
