import { COMMANDS } from '../../core/commands/command-registry';
import { SLASH_COMMAND } from './slack-channel';

/**
 * The OAuth scope each Web API method the adapter calls needs (https://docs.slack.dev/reference/methods):
 * the manifest asks for exactly these, and a test keeps this table honest against the code.
 */
export const SCOPES_FOR_METHOD: Record<string, readonly string[]> = {
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'conversations.open': ['im:write'],
  'files.info': ['files:read'],
  'users.info': ['users:read'],
  'views.open': [],
  'views.publish': [],
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
};

/** Receipt photos dropped in the DM are downloaded from url_private_download, which needs this. */
export const SCOPES_FOR_DOWNLOADS = ['files:read'] as const;

/** The events the adapter listens to, and the scope each needs. */
export const SCOPES_FOR_EVENT: Record<string, readonly string[]> = {
  'message.im': ['im:history'],
  // Replies in a thread the bot started in a channel act on that channel's ledger (DECISIONS).
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
  app_mention: ['app_mentions:read'],
  app_home_opened: [],
  // An upload whose message does not reach the bot is still read, from files.info.
  file_shared: ['files:read'],
};

/**
 * The app manifest an operator pastes to create the Slack app in one go: the /spend command, the
 * events, interactivity and the App Home, over HTTP at `<baseUrl>/slack/events` or over Socket Mode.
 */
export function slackManifest(options: { baseUrl?: string; socketMode?: boolean; name?: string }) {
  const requestUrl = options.baseUrl ? `${options.baseUrl.replace(/\/+$/, '')}/slack/events` : undefined;
  if (!options.socketMode && !requestUrl) throw new Error('a base URL is needed unless the app uses Socket Mode');
  const scopes = [...new Set(['commands', ...Object.values(SCOPES_FOR_METHOD).flat(), ...Object.values(SCOPES_FOR_EVENT).flat(), ...SCOPES_FOR_DOWNLOADS])].sort();
  const usage = COMMANDS.filter((c) => c.name !== 'help').slice(0, 6).map((c) => c.name).join(' | ');
  return {
    display_information: { name: options.name ?? 'Spendwise', description: 'Track what you spend in one line of chat.', background_color: '#1f2937' },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: options.name ?? 'Spendwise', always_online: true },
      slash_commands: [{
        command: SLASH_COMMAND,
        description: 'Record an expense or ask for a report',
        usage_hint: `12.50 lunch #food | ${usage}`,
        should_escape: false,
        ...(requestUrl ? { url: requestUrl } : {}),
      }],
    },
    oauth_config: { scopes: { bot: scopes } },
    settings: {
      event_subscriptions: { ...(requestUrl ? { request_url: requestUrl } : {}), bot_events: Object.keys(SCOPES_FOR_EVENT).sort() },
      interactivity: { is_enabled: true, ...(requestUrl ? { request_url: requestUrl } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: Boolean(options.socketMode),
      token_rotation_enabled: false,
    },
  };
}
