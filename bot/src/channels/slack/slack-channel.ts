import { App, ExpressReceiver, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { AuthorizeResult, Logger as BoltLogger } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { Router } from 'express';
import { SlackConfig } from '../../config/config';
import { CoreDeps } from '../../core/core-deps';
import { buildDashboard } from '../../core/dashboard/dashboard';
import { handleMessageOutcome, TRY_AGAIN } from '../../core/conversation/handle-message';
import { WorkAfterAck, workAfterAck } from '../work-after-ack';
import { InboundMessage } from '../../core/conversation/inbound-message';
import { fileFromBytes, releaseFiles, Reply } from '../../core/conversation/reply';
import { ConversationAddress } from '../../core/ports/outbound.port';
import { directFileShare, fromBlockAction, fromFileShared, fromMessageEvent, fromSlashCommand, fromViewSubmission, HintsOf, homeOf, SlackDownload } from './slack-inbound';
import { MAX_UPLOAD_BYTES } from '../../core/receipts/receipt-image-check';
import { toSlackHome } from './slack-home';
import type { Dashboard } from '../../core/dashboard/dashboard';
import { deliverSlackReplies, SlackTarget } from './slack-replies';
import { uploadToSlack } from './slack-upload';
import { ConversationGoneError } from '../../core/ports/outbound.port';
import { SLACK_FORM_CALLBACK_ID, toSlackFormErrors } from './slack-render';
import { chartFailureCode } from '../../core/charts/chart';

export interface SlackChannelLog {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Slack, on the core: Bolt receives (HTTP or Socket Mode), the core decides, Block Kit goes out. */
export interface SlackChannel {
  /** POST /slack/events, with Bolt's signature check; mounted before any body parser. HTTP mode only. */
  readonly router?: Router;
  post(to: ConversationAddress, replies: readonly Reply[]): Promise<void>;
  /** Socket Mode connects here; over HTTP there is nothing to start. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const SLASH_COMMAND = '/spend';

/** A photo is prepared (shrunk) before it is read, so it may weigh what any upload may; no more is fetched. */
const MAX_DOWNLOAD_BYTES = MAX_UPLOAD_BYTES;

/** How long a file_shared event leaves for the upload's message (which carries the caption) to be read first. */
const FILE_SHARED_WAIT_MS = 3_000;

/** How long a submitted modal waits for the core before it closes and the answer comes as a message. */
const MODAL_ANSWER_MS = 2_500;

export function createSlackChannel(config: SlackConfig, core: CoreDeps, log: SlackChannelLog, options: { workInFlight?: number } = {}): SlackChannel {
  const logger = boltLogger(log);
  const work = workAfterAck(options.workInFlight);
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    // A person is waiting: a couple of quick retries (Retry-After is honoured), never minutes of them.
    retryConfig: { retries: 2, factor: 1.5, minTimeout: 200, maxTimeout: 2_000 },
  };
  const receiver = config.mode === 'http'
    ? new ExpressReceiver({ signingSecret: config.signingSecret!, endpoints: '/slack/events', processBeforeResponse: false, logger })
    : new SocketModeReceiver({ appToken: config.appToken!, logger, installerOptions: { clientOptions } });
  // The bot's identity (auth.test) is asked on the first request, not at start, and asked again
  // after a failure: a Slack outage when a task starts must not crash it (Bolt's token check would).
  const web = new WebClient(config.botToken, { ...clientOptions, logger });
  let identity: Promise<AuthorizeResult> | undefined;
  const authorize = () => (identity ??= web.auth.test()
    .then((auth): AuthorizeResult => ({ botToken: config.botToken, botUserId: auth.user_id!, botId: auth.bot_id!, teamId: auth.team_id! }))
    .catch((error: Error) => {
      identity = undefined;
      throw error;
    }));
  const app = new App({ authorize, receiver, clientOptions, logger, convoStore: false });
  const now = () => core.clock.now();

  const hintsOf = (client: WebClient): HintsOf => (_team, user) => async () => {
    const info = await client.users.info({ user, include_locale: true });
    const name = info.user?.profile?.display_name || info.user?.real_name || info.user?.name;
    return {
      ...(info.user?.tz ? { timeZone: info.user.tz } : {}),
      ...(info.user?.locale ? { locale: info.user.locale } : {}),
      ...(name ? { displayName: name } : {}),
    };
  };

  /**
   * A private file's bytes, with the bot token. Without the token or the files:read scope Slack
   * answers an HTML login page with status 200: anything that is not a file is refused.
   */
  const fileHosts = new Set(['files.slack.com', ...(config.apiUrl ? [new URL(config.apiUrl).host] : [])]);
  const download: SlackDownload = async (url) => {
    // The token goes only to Slack's file host (or the configured stand-in), and only so much is read.
    if (!fileHosts.has(new URL(url).host)) throw new Error(`slack file download refused: ${new URL(url).host} is not Slack's file host`);
    const res = await fetch(url, { headers: { authorization: `Bearer ${config.botToken}` }, signal: AbortSignal.timeout(30_000) });
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok || type.startsWith('text/html')) throw new Error(`slack file download refused (${res.status}, ${type}): is the files:read scope granted?`);
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_DOWNLOAD_BYTES) throw new Error(`slack file of ${length} bytes: more than a receipt photo`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body ?? []) {
      size += (chunk as Uint8Array).byteLength;
      if (size > MAX_DOWNLOAD_BYTES) throw new Error('slack file larger than a receipt photo');
      chunks.push(chunk as Uint8Array);
    }
    return new Uint8Array(Buffer.concat(chunks));
  };

  /**
   * The core's answer, delivered; then the person's App Home, when their own ledger changed. An
   * Events API retry whose first delivery was handled is not answered twice.
   */
  function answer(client: WebClient, inbound: InboundMessage, target: SlackTarget, retry = false): Promise<void> {
    return work.run(async () => {
      const { replies, changedLedger, redelivered } = await handleMessageOutcome(inbound, core);
      if (retry && redelivered) {
        await releaseFiles(replies);
        return;
      }
      await deliver(client, inbound, target, replies, changedLedger);
    });
  }

  async function deliver(client: WebClient, inbound: InboundMessage, target: SlackTarget, replies: readonly Reply[], changedLedger: boolean): Promise<void> {
    await deliverSlackReplies(client, target, replies, log, inbound.idempotencyKey);
    if (changedLedger && inbound.conversation.kind === 'private') void publishHome(client, inbound.sender.workspace!, inbound.sender.userId);
  }

  /**
   * The person's Home. Charts are drawn only when they open it (`withCharts`): a refresh after every
   * expense would draw and upload one each time, for a tab that may not be looked at.
   */
  async function publishHome(client: WebClient, team: string, user: string, withCharts = false): Promise<void> {
    try {
      // The Home is often the first thing a person opens: it may open their ledger, with Slack's hints.
      const dashboard = await buildDashboard({ ...homeOf(team, user, now()), moreHints: hintsOf(client)(team, user) }, core);
      const charts = withCharts ? await uploadHomeCharts(client, dashboard) : new Map<string, string>();
      try {
        await client.views.publish({ user_id: user, view: toSlackHome(dashboard, charts) });
      } catch (error) {
        if (charts.size === 0) throw error;
        // An image Slack cannot show yet must not cost the person their Home: publish it without.
        log.warn({ error: (error as Error).message }, 'slack: App Home with charts refused; published without');
        await client.views.publish({ user_id: user, view: toSlackHome(dashboard) });
      }
    } catch (error) {
      log.warn({ error: (error as Error).message }, 'slack: App Home not published');
    }
  }

  /**
   * The Home's charts, drawn and uploaded privately (no channel: nobody is messaged), by currency to
   * their Slack file ids. A chart that cannot be drawn or uploaded is left out.
   */
  async function uploadHomeCharts(client: WebClient, dashboard: Dashboard): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    if (!core.charts) return ids;
    for (const chart of dashboard.charts) {
      try {
        const image = await core.charts.render(chart);
        ids.set(chart.currency, await uploadToSlack(client, fileFromBytes(`spendwise-home-${chart.currency}.png`, 'image/png', image.png), { title: chart.title }));
      } catch (error) {
        log.warn({ code: chartFailureCode(error), currency: chart.currency, error: (error as Error).message }, 'slack: App Home chart left out');
      }
    }
    return ids;
  }

  // Ack first, always: Slack allows 3 seconds, and the work continues after it.
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    // More waiting behind earlier acks than this task takes on: said now, nothing piled up.
    if (work.full) {
      await ack({ response_type: 'ephemeral', text: TRY_AGAIN['service.busy'] });
      return;
    }
    await ack();
    const inbound = fromSlashCommand(command, now(), hintsOf(client));
    if (!inbound) return;
    await answer(client, inbound, { via: 'respond', respond, conversation: inbound.conversation, userId: command.user_id, triggerId: command.trigger_id });
  });

  const onMessage = async ({ event, body, client, context }: { event: unknown; body: unknown; client: WebClient; context: { botUserId?: string; retryNum?: number } }) => {
    const inbound = fromMessageEvent(body, event, context.botUserId, now(), hintsOf(client), download);
    if (!inbound) return;
    const { channel, thread_ts: threadTs } = event as { channel: string; thread_ts?: string };
    // Said in a thread: answered in that thread.
    await answer(client, withSayNow(client, inbound, channel), { via: 'channel', channel, ...(threadTs ? { threadTs } : {}), conversation: inbound.conversation, userId: inbound.sender.userId }, Boolean(context.retryNum));
  };
  app.event('message', onMessage);
  app.event('app_mention', onMessage);

  // An upload in the DM is announced twice: the message (with the caption) and file_shared (the
  // file's id only). file_shared waits a moment so the message, when it comes, is the one read.
  app.event('file_shared', async ({ event, body, client, context }) => {
    const share = directFileShare(event, context.botUserId);
    if (!share) return;
    await new Promise((resolve) => setTimeout(resolve, FILE_SHARED_WAIT_MS));
    const info = await client.files.info({ file: share.file });
    const inbound = fromFileShared(body, share, info.file, now(), hintsOf(client), download);
    if (!inbound) return;
    await answer(client, withSayNow(client, inbound, share.channel), { via: 'channel', channel: share.channel, conversation: inbound.conversation, userId: inbound.sender.userId });
  });

  /** What is said at once (reading a photo takes a moment) goes to the channel the message came from. */
  const withSayNow = (client: WebClient, inbound: InboundMessage, channel: string): InboundMessage => ({
    ...inbound,
    sayNow: (replies) => deliverSlackReplies(client, { via: 'channel', channel, conversation: inbound.conversation, userId: inbound.sender.userId }, replies, log, inbound.idempotencyKey),
  });

  app.action({ type: 'block_actions' }, async ({ ack, body, respond, client }) => {
    await ack();
    if (work.full) {
      await respond?.({ response_type: 'ephemeral', replace_original: false, text: TRY_AGAIN['service.busy'] });
      return;
    }
    const inbound = fromBlockAction(body, now(), hintsOf(client));
    if (!inbound) return;
    const triggerId = (body as { trigger_id: string }).trigger_id;
    const common = { conversation: inbound.conversation, userId: inbound.sender.userId, triggerId };
    // A button on the App Home has no message to answer to: its answers go to the person's DM.
    const onHome = (body as { container?: { type?: string } }).container?.type === 'view';
    const target: SlackTarget = onHome || !respond ? { via: 'dm', ...common } : { via: 'respond', respond, ...common };
    await answer(client, inbound, target);
  });

  app.view(SLACK_FORM_CALLBACK_ID, async ({ ack, body, client }) => {
    const inbound = fromViewSubmission(body, now(), hintsOf(client));
    if (!inbound) {
      await ack();
      return;
    }
    // The modal waits for this answer: a submission with wrong fields stays open with each error.
    // Slack waits 3 seconds; a slower answer (a busy ledger) closes the modal and arrives as a message.
    const handling = handleMessageOutcome(inbound, core);
    const first = await Promise.race([handling, new Promise<'slow'>((r) => setTimeout(() => r('slow'), MODAL_ANSWER_MS).unref())]);
    const errors = first === 'slow' ? undefined : first.replies.map((r) => (r.form ? toSlackFormErrors(r.form) : undefined)).find(Boolean);
    if (errors) {
      await ack(errors);
      return;
    }
    await ack();
    const { replies, changedLedger } = await handling;
    const target: SlackTarget = inbound.conversation.kind === 'group'
      ? { via: 'channel', channel: inbound.conversation.id, conversation: inbound.conversation, userId: inbound.sender.userId }
      : { via: 'dm', conversation: inbound.conversation, userId: inbound.sender.userId };
    await deliver(client, inbound, target, replies.filter((r) => !r.form), changedLedger);
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(client, (body as { team_id: string }).team_id, event.user, true);
  });

  app.error(async (error) => {
    log.error({ code: (error as { code?: string }).code, error: error.message }, 'slack: listener failed');
  });

  return {
    ...(receiver instanceof ExpressReceiver ? { router: refusingEventsWhenFull(receiver.router, work, log) } : {}),
    async post(to, replies) {
      const target: SlackTarget = to.userId
        ? { via: 'dm', conversation: { id: to.userId, kind: 'private' }, userId: to.userId }
        : { via: 'channel', channel: to.conversationId, conversation: { id: to.conversationId, kind: 'group' }, userId: '' };
      let gone = false;
      await deliverSlackReplies(web, target, replies, log, `outbound:${to.conversationId}`, () => (gone = true));
      if (gone) throw new ConversationGoneError(`slack conversation ${to.conversationId} is gone for the bot`);
    },
    async start() {
      if (config.mode === 'socket') await app.start();
    },
    async stop() {
      if (config.mode === 'socket') await app.stop();
    },
  };
}

/**
 * Events are acknowledged by Bolt before any listener runs, so a full task refuses them before Bolt:
 * a 503, and Slack delivers the event again later (its retries carry the same event id, recorded once).
 * Commands and button presses (forms) go on to their listeners, which answer "busy" in words.
 */
function refusingEventsWhenFull(bolt: Router, work: WorkAfterAck, log: SlackChannelLog): Router {
  const router = Router();
  router.post('/slack/events', (req, res, next) => {
    if (!work.full || !req.is('application/json')) return next();
    log.warn({ code: 'service.busy' }, 'slack: busy, event left for Slack to deliver again');
    res.status(503).set('retry-after', '1').end();
  });
  router.use(bolt);
  return router;
}

/** Tokens and secrets in text: Slack's own tokens, and "token" fields of payloads Bolt may print. */
export function redactSlackSecrets(text: string): string {
  return text
    .replace(/\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g, '[redacted]')
    .replace(/("?(?:token|secret|signature)"?\s*[:=]\s*"?)[^",\s}]+/gi, '$1[redacted]');
}

/** Bolt's own logging into ours: JSON lines, with tokens taken out of its free text. */
function boltLogger(log: SlackChannelLog): BoltLogger {
  const line = (level: 'debug' | 'info' | 'warn' | 'error') => (...messages: unknown[]) =>
    log[level]({ source: 'bolt' }, redactSlackSecrets(messages.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ')));
  let level = LogLevel.INFO;
  return {
    debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error'),
    setLevel: (next) => (level = next), getLevel: () => level, setName: () => undefined,
  };
}
