import express, { NextFunction, Request, Response, Router } from 'express';
import { CoreDeps } from '../core/core-deps';
import { LocalDownloads } from '../channels/local/local-downloads';
import { LocalMailbox } from '../channels/local/local-mailbox';
import { TelegramChannel } from '../channels/telegram/telegram-channel';
import { telegramWebhookRouter } from '../channels/telegram/telegram-webhook.route';
import { Logger } from '../logger';
import { localChatRouter } from './local-chat.route';

export interface HttpDeps {
  readonly core: CoreDeps;
  readonly mailbox: LocalMailbox;
  /** The local chat's downloads of large files. */
  readonly downloads: LocalDownloads;
  readonly log: Logger;
  readonly isReady: () => Promise<boolean>;
  readonly localChat: boolean;
  /** Bolt's POST /slack/events, when Slack is on over HTTP. */
  readonly slackEvents?: Router;
  /** The webhook, when Telegram is on in webhook mode. */
  readonly telegramWebhook?: { readonly channel: TelegramChannel; readonly secret: string };
}

/** One Express app for every channel; platform routes mount here before any body parser they need. */
export function createHttpApp(deps: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      deps.log.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await deps.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', dynamodb: ready ? 'ok' : 'not answering' });
  });
  // Platform routes come before any body parser: each reads the body its own way, after its own check.
  if (deps.slackEvents) app.use(deps.slackEvents);
  if (deps.telegramWebhook) app.use(telegramWebhookRouter(deps.telegramWebhook.channel, deps.telegramWebhook.secret));
  if (deps.localChat) {
    app.use(express.json({ limit: '12mb' }), localChatRouter(deps));
  }
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number; type?: string }).status;
    if (status && status >= 400 && status < 500) {
      res.status(status).json({ error: status === 413 ? 'request too large' : 'malformed request body' });
      return;
    }
    deps.log.error({ err: error }, 'request failed');
    res.status(500).json({ error: 'internal error' });
  });
  return app;
}
