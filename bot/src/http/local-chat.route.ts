import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Request, Response, Router } from 'express';
import { z } from 'zod';
import { localConversation, localInbound } from '../channels/local/local-inbound';
import { LocalDownloads } from '../channels/local/local-downloads';
import { LocalMailbox } from '../channels/local/local-mailbox';
import { toLocalJson } from '../channels/local/local-render';
import { CoreDeps } from '../core/core-deps';
import { handleMessage } from '../core/conversation/handle-message';
import { MessageContent } from '../core/conversation/inbound-message';
import { releaseFiles } from '../core/conversation/reply';
import { LOCAL_CHAT_PAGE } from './local-chat.page';

const name = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - (1 to 64)');

const LocalChatRequest = z.strictObject({
  user: name,
  /** Talk in a named group instead of the user's private chat. */
  group: name.optional(),
  text: z.string().max(4000).optional(),
  action: z.string().min(1).max(200).optional(),
  form: z.strictObject({ action: z.string().min(1).max(200), values: z.record(z.string(), z.string().max(4000)) }).optional(),
  /** A photo of a receipt, base64; `text` beside it is its caption. */
  image: z.string().min(1).max(8 * 1024 * 1024).regex(/^[A-Za-z0-9+/=\s]+$/, 'base64').optional(),
  id: z.string().min(1).max(200).optional(),
  timeZone: z.string().min(1).max(64).optional(),
  locale: z.string().min(1).max(35).optional(),
}).refine((r) => (r.image !== undefined ? r.action === undefined && r.form === undefined : [r.text, r.action, r.form].filter((x) => x !== undefined).length === 1), {
  message: 'send exactly one of "text", "action", "form" or "image" (with "text" as its caption)',
});

const MessagesQuery = z.strictObject({
  user: name,
  group: name.optional(),
  after: z.string().regex(/^\d{1,16}$/).optional(),
  wait: z.coerce.number().int().min(0).max(30).default(25),
});

export interface LocalChatDeps {
  readonly core: CoreDeps;
  readonly mailbox: LocalMailbox;
  /** Files too large to ride in an answer, kept for the page to download. */
  readonly downloads: LocalDownloads;
}

const POLL_EVERY_MS = 300;

/** The way to talk to the bot without Slack or Telegram: loopback clients only, never in production. */
export function localChatRouter({ core, mailbox, downloads }: LocalChatDeps): Router {
  const router = Router();
  router.use(loopbackOnly);
  router.get('/', (_req, res) => {
    res.type('html').set('Content-Security-Policy', "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:").send(LOCAL_CHAT_PAGE);
  });
  router.post('/local/chat', async (req, res) => {
    const parsed = LocalChatRequest.safeParse(req.body);
    if (!parsed.success) {
      badRequest(res, parsed.error);
      return;
    }
    const { text, action, form, image, id, ...who } = parsed.data;
    const content: MessageContent = image !== undefined
      ? { kind: 'files', files: [uploaded(Buffer.from(image, 'base64'))], ...(text ? { caption: text } : {}) }
      : text !== undefined
        ? { kind: 'text', text }
        : action !== undefined ? { kind: 'press', action } : { kind: 'form', action: form!.action, values: form!.values };
    // Without an id every post is its own write; with one, a repeat answers the same and writes nothing.
    const replies = await handleMessage(localInbound({ ...who, content, id: id ?? randomUUID() }, core.clock.now()), core);
    try {
      res.json({ replies: await Promise.all(replies.map((r) => toLocalJson(r, downloads))) });
    } finally {
      await releaseFiles(replies);
    }
  });
  /** A file too large for the answer, as the browser downloads it. */
  router.get('/local/files/:id', async (req, res) => {
    const file = await downloads.open(req.params.id);
    if (!file) {
      res.status(404).json({ error: 'this download is gone (they last an hour): ask again' });
      return;
    }
    res.attachment(file.name).type(file.mimeType).set({ 'content-length': String(file.size), 'cache-control': 'no-store' });
    // A download cut short (the browser stopped it) just ends: pipeline has closed the response.
    await pipeline(Readable.from(file.open()), res).catch(() => undefined);
  });
  /** Replies produced later: a long poll that answers as soon as there is something after `after`. */
  router.get('/local/messages', async (req, res) => {
    const parsed = MessagesQuery.safeParse(req.query);
    if (!parsed.success) {
      badRequest(res, parsed.error);
      return;
    }
    const { user, group, after, wait } = parsed.data;
    const conversation = localConversation(user, group).id;
    if (after === undefined) {
      res.json({ replies: [], cursor: await mailbox.latest(conversation) });
      return;
    }
    const giveUpAt = Date.now() + wait * 1000;
    let closed = false;
    req.on('close', () => (closed = true));
    for (;;) {
      const messages = await mailbox.after(conversation, after, 50);
      if (messages.length > 0 || Date.now() >= giveUpAt || closed) {
        res.json({ replies: await Promise.all(messages.map((m) => toLocalJson(m.reply))), cursor: messages.at(-1)?.cursor ?? after });
        return;
      }
      await new Promise((r) => setTimeout(r, POLL_EVERY_MS));
    }
  });
  return router;
}

/** An uploaded photo; what it really is, the core decides from its bytes. */
const uploaded = (bytes: Buffer) => ({ name: 'upload', mimeType: 'application/octet-stream', size: bytes.length, bytes: async () => new Uint8Array(bytes) });

function badRequest(res: Response, error: z.ZodError): void {
  res.status(400).json({ error: 'invalid request', issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
}

function loopbackOnly(req: Request, res: Response, next: () => void): void {
  const address = req.socket.remoteAddress ?? '';
  if (address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1') {
    next();
    return;
  }
  res.status(403).json({ error: 'the local chat only answers this machine' });
}
