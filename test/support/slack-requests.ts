import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Slack's request signing (https://docs.slack.dev/authentication/verifying-requests-from-slack). */
export function slackHeaders(secret: string, rawBody: string, ts = Math.floor(Date.now() / 1000)) {
  return {
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${ts}:${rawBody}`).digest('hex')}`,
  };
}

/** Payloads in the shapes Slack documents: a slash command's form, an Events API envelope, an interaction. */
let counter = 0;
const next = () => (counter += 1);

export function slashCommandForm(fields: { team?: string; user: string; userName?: string; channel?: string; text: string; responseUrl: string }) {
  const n = next();
  return new URLSearchParams({
    token: 'verification_token', team_id: fields.team ?? 'T111', team_domain: 'test-domain',
    channel_id: fields.channel ?? `D${fields.user}`, channel_name: 'directmessage', user_id: fields.user, user_name: fields.userName ?? fields.user.toLowerCase(),
    command: '/spend', text: fields.text, api_app_id: 'A111', response_url: fields.responseUrl, trigger_id: `${n}.111.trigger${n}`,
  }).toString();
}

export function eventEnvelope(event: Record<string, unknown>, options: { team?: string; eventId?: string } = {}) {
  const n = next();
  return {
    token: 'verification_token', team_id: options.team ?? 'T111', api_app_id: 'A111', event: { event_ts: `${1_700_000_000 + n}.0001`, ts: `${1_700_000_000 + n}.0001`, ...event },
    type: 'event_callback', event_id: options.eventId ?? `Ev${n}`, event_time: 1_700_000_000 + n,
    authorizations: [{ team_id: options.team ?? 'T111', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  };
}

export function blockAction(fields: { team?: string; user: string; value: string; blockId: string; channel?: string; messageTs?: string; responseUrl?: string; container?: 'message' | 'view' }) {
  const n = next();
  return {
    type: 'block_actions',
    user: { id: fields.user, username: fields.user.toLowerCase(), name: fields.user.toLowerCase(), team_id: fields.team ?? 'T111' },
    api_app_id: 'A111', token: 'verification_token',
    container: fields.container === 'view'
      ? { type: 'view', view_id: 'V1' }
      : { type: 'message', message_ts: fields.messageTs ?? '1700000000.000100', channel_id: fields.channel ?? `D${fields.user}`, is_ephemeral: false },
    trigger_id: `${n}.222.trigger${n}`,
    team: { id: fields.team ?? 'T111', domain: 'workspace-domain' },
    ...(fields.container === 'view' ? {} : { channel: { id: fields.channel ?? `D${fields.user}`, name: 'c' } }),
    ...(fields.responseUrl ? { response_url: fields.responseUrl } : {}),
    actions: [{ action_id: 'choice-0-0', block_id: fields.blockId, text: { type: 'plain_text', text: 'x' }, value: fields.value, type: 'button', action_ts: `${1_700_000_000 + n}.1` }],
  };
}

export function viewSubmission(fields: { team?: string; user: string; privateMetadata: string; values: Record<string, string> }) {
  const n = next();
  return {
    type: 'view_submission',
    team: { id: fields.team ?? 'T111', domain: 'workspace-domain' },
    user: { id: fields.user, username: fields.user.toLowerCase(), name: fields.user.toLowerCase(), team_id: fields.team ?? 'T111' },
    api_app_id: 'A111', token: 'verification_token', trigger_id: `${n}.333.trigger${n}`,
    view: {
      id: 'V1', team_id: fields.team ?? 'T111', type: 'modal', callback_id: 'spendwise-form', private_metadata: fields.privateMetadata,
      state: { values: Object.fromEntries(Object.entries(fields.values).map(([k, v]) => [k, { value: { type: 'plain_text_input', value: v } }])) },
      hash: 'h', title: { type: 'plain_text', text: 'Edit' }, blocks: [],
    },
    response_urls: [],
  };
}

/** A genuine payload from ../shared/fixtures, or undefined (with a notice) where that folder is absent. */
export function sharedSlackFixture(name: string): string | undefined {
  const file = join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'slack', name);
  if (!existsSync(file)) {
    console.warn(`skipped: slack/${name} is not here (../shared/fixtures is absent)`);
    return undefined;
  }
  return readFileSync(file, 'utf8');
}
