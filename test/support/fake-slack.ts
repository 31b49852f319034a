import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface SlackCall {
  readonly path: string;
  readonly body: Record<string, any>;
  readonly authorization?: string;
}

type Failure = { status?: number; error: string; retryAfter?: number };

/**
 * A stand-in for Slack on loopback: the Web API (the methods Spendwise calls), response_url
 * endpoints and the file upload URL. Records what the bot sent; can fail a method as Slack does.
 */
export async function startFakeSlack(options: { botToken?: string } = {}) {
  const calls: SlackCall[] = [];
  const listeners = new Set<(call: SlackCall) => void>();
  const failures = new Map<string, Failure[]>();
  const users = new Map<string, { tz?: string; locale?: string; real_name?: string }>();
  let ts = 1_700_000_000;
  const token = options.botToken ?? 'xoxb-test';
  let socketUrl: string | undefined;
  const files = new Map<string, Buffer>();
  const fileInfo = new Map<string, Record<string, unknown>>();
  /** While set, answers to response_url posts wait for it (the bot's work after an ack stays in flight). */
  let responsesHeld: Promise<void> | undefined;
  /** Files asked an upload URL for: the length declared, and the bytes that reached the URL. */
  const uploads = new Map<string, { length: number; bytes?: Buffer }>();
  let nextFile = 100;

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = await readBody(req);
    const call: SlackCall = { path: url.pathname, body, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) };
    calls.push(call);
    for (const listener of [...listeners]) listener(call);
    const json = (payload: unknown, status = 200, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (url.pathname.startsWith('/files-pri/')) {
      // Like Slack: without the bot token, an HTML login page with status 200.
      if (req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>login</html>');
        return;
      }
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(files.get(url.pathname) ?? Buffer.alloc(0));
      return;
    }
    const upload = /^\/upload\/(F\d+)$/.exec(url.pathname);
    if (upload && uploads.has(upload[1]!)) {
      const refused = failures.get('upload')?.shift();
      if (refused) {
        res.writeHead(refused.status ?? 500);
        res.end(refused.error);
        return;
      }
      uploads.get(upload[1]!)!.bytes = rawOf(body);
      res.writeHead(200);
      res.end(`OK - ${rawOf(body).length}`);
      return;
    }
    if (url.pathname.startsWith('/response/') || url.pathname.startsWith('/upload/')) {
      if (url.pathname.startsWith('/response/')) await responsesHeld;
      res.writeHead(200);
      res.end('ok');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const failure = failures.get(method)?.shift();
    if (failure) {
      return json({ ok: false, error: failure.error }, failure.status ?? 200, failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {});
    }
    // Socket Mode asks for its WebSocket URL with the app-level token (xapp-…).
    if (method === 'apps.connections.open') {
      return req.headers.authorization?.startsWith('Bearer xapp-') && socketUrl ? json({ ok: true, url: socketUrl }) : json({ ok: false, error: 'invalid_auth' });
    }
    if (method !== 'auth.test' && req.headers.authorization !== `Bearer ${token}`) return json({ ok: false, error: 'invalid_auth' });
    switch (method) {
      case 'auth.test':
        return json({ ok: true, team_id: 'T111', user_id: 'UBOT', bot_id: 'BBOT' });
      case 'chat.postMessage':
        return json({ ok: true, channel: body.channel, ts: `${(ts += 1)}.000100`, message: { text: body.text } });
      case 'chat.postEphemeral':
        return json({ ok: true, message_ts: `${(ts += 1)}.000200` });
      case 'views.open': case 'views.publish': case 'views.update':
        return json({ ok: true, view: { id: 'V1' } });
      case 'users.info': {
        const user = users.get(String(body.user)) ?? {};
        return json({ ok: true, user: { id: body.user, ...user } });
      }
      case 'conversations.open':
        return json({ ok: true, channel: { id: `D-${body.users}` } });
      case 'files.info': {
        const file = fileInfo.get(String(body.file));
        return file ? json({ ok: true, file, comments: [], response_metadata: { next_cursor: '' } }) : json({ ok: false, error: 'file_not_found' });
      }
      case 'files.getUploadURLExternal': {
        if (!body.filename || !(Number(body.length) > 0)) return json({ ok: false, error: 'invalid_arguments' });
        const id = `F${(nextFile += 1)}`;
        uploads.set(id, { length: Number(body.length) });
        return json({ ok: true, upload_url: `${base}/upload/${id}`, file_id: id });
      }
      case 'files.completeUploadExternal': {
        const files = (Array.isArray(body.files) ? body.files : []) as { id: string; title?: string }[];
        // Completing a file whose bytes never arrived: the stand-in's own refusal.
        if (files.length === 0 || files.some((f) => !uploads.get(f.id)?.bytes)) return json({ ok: false, error: 'file_not_uploaded' });
        return json({ ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? 'upload' })) });
      }
      default:
        return json({ ok: false, error: 'unknown_method' }, 404);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    /** Holds every response_url answer until the returned function is called. */
    holdResponses(): () => void {
      let release!: () => void;
      responsesHeld = new Promise((resolve) => (release = resolve));
      return () => {
        responsesHeld = undefined;
        release();
      };
    },
    /** A response_url on this stand-in. */
    responseUrl: (id: string) => `${url}/response/${id}`,
    /** A private file Slack would host, described by files.info; returns its url_private_download. */
    hostFile(name: string, bytes: Buffer, id = 'F1', user = 'U0'): string {
      const download = `/files-pri/T111-${id}/download/${name}`;
      files.set(download, bytes);
      // The fields of files.info's `file` (docs.slack.dev/reference/methods/files.info) that matter here.
      fileInfo.set(id, {
        id, created: 1_700_000_000, timestamp: 1_700_000_000, name, title: name, mimetype: 'image/png', filetype: 'png',
        pretty_type: 'PNG', user, mode: 'hosted', editable: false, is_external: false, size: bytes.byteLength,
        url_private: `${url}/files-pri/T111-${id}/${name}`, url_private_download: `${url}${download}`,
      });
      return `${url}${download}`;
    },
    /** A file uploaded through getUploadURLExternal: the length declared for it and the bytes its upload URL received. */
    uploaded(fileId: string): { length: number; bytes?: Buffer } | undefined {
      return uploads.get(fileId);
    },
    /** Where apps.connections.open sends Socket Mode. */
    setSocketUrl(url: string) {
      socketUrl = url;
    },
    setUser(id: string, profile: { tz?: string; locale?: string; real_name?: string }) {
      users.set(id, profile);
    },
    /** The next call of `method` fails as Slack would; `upload`: the next POST to an upload URL. */
    failNext(method: string, failure: Failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    mark: () => calls.length,
    since: (mark: number) => calls.slice(mark),
    /** The next call to `path` from `since` on (already made or still to come). */
    waitFor(path: string, since = 0, ms = 5000): Promise<SlackCall> {
      const already = calls.slice(since).find((c) => c.path === path);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => { listeners.delete(listen); reject(new Error(`no ${path} within ${ms} ms`)); }, ms);
        const listen = (c: SlackCall) => {
          if (c.path !== path) return;
          clearTimeout(timer);
          listeners.delete(listen);
          resolve(c);
        };
        listeners.add(listen);
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type FakeSlack = Awaited<ReturnType<typeof startFakeSlack>>;

async function readBody(req: IncomingMessage): Promise<Record<string, any>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return {};
  try {
    if (type.includes('json')) return JSON.parse(raw.toString('utf8'));
    if (type.includes('x-www-form-urlencoded')) {
      // The Web API client sends nested arguments (blocks, view) as JSON strings.
      return Object.fromEntries([...new URLSearchParams(raw.toString('utf8'))].map(([k, v]) => [k, tryJson(v)]));
    }
  } catch {
    /* fall through: recorded as size only */
  }
  return { bytes: raw.length, text: raw.toString('utf8'), raw };
}

/** The bytes of a raw request body as readBody recorded it (none for JSON or a form). */
const rawOf = (body: Record<string, any>): Buffer => (Buffer.isBuffer(body.raw) ? body.raw : Buffer.alloc(0));

const tryJson = (text: string) => {
  if (!/^[[{]/.test(text)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};
