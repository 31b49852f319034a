import { randomUUID } from 'node:crypto';
import { Request, Response, Router } from 'express';
import { z } from 'zod';
import { CoreDeps } from '../core/core-deps';
import { handleMessage } from '../core/conversation/handle-message';
import { Reply, ReplyFile } from '../core/conversation/reply';
import { localLedgerId } from '../core/ledger/ledger-id';
import { LOCAL_CHAT_PAGE } from './local-chat.page';

const LocalChatRequest = z.strictObject({
  user: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - (1 to 64)'),
  text: z.string().max(4000).optional(),
  action: z.string().min(1).max(200).optional(),
  id: z.string().min(1).max(200).optional(),
}).refine((r) => (r.text === undefined) !== (r.action === undefined), { message: 'send exactly one of "text" or "action"' });

/** The way to talk to the bot without Slack or Telegram: loopback clients only, never in production. */
export function localChatRouter(deps: CoreDeps): Router {
  const router = Router();
  router.use(loopbackOnly);
  router.get('/', (_req, res) => {
    res.type('html').set('Content-Security-Policy', "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:").send(LOCAL_CHAT_PAGE);
  });
  router.post('/local/chat', async (req, res) => {
    const parsed = LocalChatRequest.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid request', issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
      return;
    }
    const { user, text, action, id } = parsed.data;
    const replies = await handleMessage({
      ledger: localLedgerId(user)!,
      actor: `local:${user}`,
      ...(text !== undefined ? { text } : {}),
      ...(action !== undefined ? { action } : {}),
      // Without an id every post is its own write; with one, a repeat answers the same and writes nothing.
      idempotencyKey: `local:${id ?? randomUUID()}`,
    }, deps);
    res.json({ replies: replies.map(toJson) });
  });
  return router;
}

function loopbackOnly(req: Request, res: Response, next: () => void): void {
  const address = req.socket.remoteAddress ?? '';
  if (address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1') {
    next();
    return;
  }
  res.status(403).json({ error: 'the local chat only answers this machine' });
}

function toJson(reply: Reply) {
  const file = (f: ReplyFile) => ({ name: f.name, mimeType: f.mimeType, base64: Buffer.from(f.content).toString('base64') });
  return {
    text: reply.text,
    ...(reply.choices ? { choices: reply.choices } : {}),
    ...(reply.image ? { image: file(reply.image) } : {}),
    ...(reply.file ? { file: file(reply.file) } : {}),
  };
}
