import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface BotApiCall {
  readonly method: string;
  readonly payload: Record<string, unknown>;
}

type Failure = { error_code: number; description: string; parameters?: { retry_after?: number } };

/**
 * A stand-in for the Telegram Bot API on loopback: records every call, answers like Telegram, holds
 * getUpdates for real long polling (capped, so stopping is quick), serves file downloads, and can be
 * told to fail a method the way Telegram does.
 */
export async function startFakeTelegram(options: { maxHoldMs?: number; token?: string } = {}) {
  const maxHoldMs = options.maxHoldMs ?? 1000;
  const updates: Record<string, unknown>[] = [];
  const calls: BotApiCall[] = [];
  const waiters = new Set<() => void>();
  const listeners = new Set<(call: BotApiCall) => void>();
  const failures = new Map<string, Failure[]>();
  let nextUpdateId = 1;
  let messageId = 100;
  let getUpdatesCalls = 0;
  let fileBytes: Buffer = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);

  const server: Server = createServer(async (req, res) => {
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const file = /^\/file\/bot[^/]+\/(.+)$/.exec(req.url ?? '');
    if (file) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(fileBytes);
      return;
    }
    const m = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
    if (!m) return send(404, { ok: false, error_code: 404, description: 'Not Found' });
    if (options.token && m[1] !== options.token) return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = m[2]!;
    const payload = await readPayload(req);
    const ok = (result: unknown) => send(200, { ok: true, result });
    if (method === 'getUpdates') {
      getUpdatesCalls += 1;
      const offset = Number(payload.offset ?? 0);
      const pending = () => updates.filter((u) => (u.update_id as number) >= offset);
      if (pending().length === 0 && Number(payload.timeout ?? 0) > 0) {
        await new Promise<void>((resolve) => {
          const wake = () => { waiters.delete(wake); clearTimeout(timer); resolve(); };
          const timer = setTimeout(wake, Math.min(Number(payload.timeout) * 1000, maxHoldMs));
          waiters.add(wake);
        });
      }
      return ok(pending().slice(0, Number(payload.limit ?? 100)));
    }
    const call = { method, payload };
    calls.push(call);
    for (const listener of [...listeners]) listener(call);
    const failure = failures.get(method)?.shift();
    if (failure) return send(failure.error_code, { ok: false, ...failure });
    const now = Math.floor(Date.now() / 1000);
    const chat = { id: Number(payload.chat_id), type: Number(payload.chat_id) < 0 ? 'supergroup' : 'private' };
    switch (method) {
      case 'getMe':
        return ok({ id: 123456789, is_bot: true, first_name: 'Spendwise', username: 'spendwise_bot' });
      case 'sendMessage':
        return ok({ message_id: ++messageId, date: now, chat, text: payload.text });
      case 'sendDocument':
      case 'sendPhoto':
        return ok({ message_id: ++messageId, date: now, chat });
      case 'editMessageText':
        return ok({ message_id: payload.message_id, date: now, chat, text: payload.text });
      case 'getFile':
        return ok({ file_id: payload.file_id, file_unique_id: 'u', file_size: 4, file_path: 'photos/file_0.jpg' });
      case 'answerCallbackQuery': case 'setMyCommands': case 'setWebhook': case 'deleteWebhook':
        return ok(true);
      default:
        return send(400, { ok: false, error_code: 400, description: `fake: ${method} not implemented` });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    calls,
    get getUpdatesCalls() {
      return getUpdatesCalls;
    },
    /** Queue an update for long polling; its update_id is numbered here. */
    push(update: Record<string, unknown>) {
      updates.push({ ...update, update_id: nextUpdateId++ });
      for (const wake of [...waiters]) wake();
    },
    /** What a file download answers (any file). */
    setFileBytes(bytes: Buffer) {
      fileBytes = bytes;
    },
    /** The next call of `method` answers with this Telegram error instead. */
    failNext(method: string, failure: Failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    /** Resolves with the next call of `method` (or one already made after `since` calls). */
    waitFor(method: string, ms = 5000, since = 0): Promise<BotApiCall> {
      const already = calls.slice(since).find((c) => c.method === method);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => { listeners.delete(listen); reject(new Error(`no ${method} within ${ms} ms`)); }, ms);
        const listen = (c: BotApiCall) => {
          if (c.method !== method) return;
          clearTimeout(timer);
          listeners.delete(listen);
          resolve(c);
        };
        listeners.add(listen);
      });
    },
    /** The calls made from now on, for one test step. */
    mark: () => calls.length,
    since: (mark: number) => calls.slice(mark),
    async close() {
      for (const wake of [...waiters]) wake();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type FakeTelegram = Awaited<ReturnType<typeof startFakeTelegram>>;

/** JSON, urlencoded or multipart (documents, photos): the fields as an object, a file as its name, size and bytes. */
async function readPayload(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (body.length === 0) return {};
  if (type.includes('application/json')) return JSON.parse(body.toString('utf8'));
  const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': type }, body }).formData();
  const payload: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    const bytes = typeof value === 'string' ? undefined : Buffer.from(await value.arrayBuffer());
    payload[key] = typeof value === 'string' || !bytes
      ? tryJson(value as string)
      : { filename: value.name, size: value.size, text: bytes.toString('utf8'), bytes };
  }
  return payload;
}

const tryJson = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};
