import { createHash, timingSafeEqual } from 'node:crypto';
import express, { Router } from 'express';
import { TelegramChannel } from './telegram-channel';

export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant time whatever the lengths: both sides are hashed to the same size first. */
function sameSecret(given: string | undefined, expected: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(expected));
}

/**
 * POST /telegram/webhook. The secret header is checked before anything reads the body: wrong or
 * missing is 401 and nothing else (SPEC §2). A good update is handled, then answered 200, so an
 * update is acknowledged only once its replies are on their way (a photo, which takes seconds to
 * read, is answered first); a redelivery records nothing twice.
 */
export function telegramWebhookRouter(channel: TelegramChannel, secret: string): Router {
  const router = Router();
  router.post(
    '/telegram/webhook',
    (req, res, next) => {
      if (sameSecret(req.get(TELEGRAM_SECRET_HEADER), secret)) return next();
      res.status(401).json({ error: 'unauthorized' });
    },
    express.json({ limit: '1mb' }),
    async (req, res) => {
      // 503 only when nothing could be done (Telegram unreachable): Telegram then delivers it again.
      res.sendStatus((await channel.handleUpdate(req.body)) ? 200 : 503);
    },
  );
  return router;
}
