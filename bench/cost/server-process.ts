import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { stopChild } from '../../bot/src/stop-child';

export const ROOT = resolve(__dirname, '../..');

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** From spawn to the first 200 on /healthz, in ms. */
  readonly msToHealthy: number;
  stop(): Promise<void>;
}

/**
 * A server in a process of its own, so its CPU and memory are its alone: `args` to node (a script
 * run through tsx's loader, or the bundle), on the port it picks (PORT=0) and logs as `listening`,
 * healthy once /healthz answers 200.
 */
export async function startServerProcess(args: readonly string[], env: Record<string, string>, options: { nodeFlags?: readonly string[] } = {}): Promise<ServerProcess> {
  // No AWS_* or SPENDWISE_* from the bench's own environment: the server gets what `env` says.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && !k.startsWith('SPENDWISE_') && !k.startsWith('SLACK_') && !k.startsWith('RATE_LIMIT')));
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeFlags ?? []), ...args], {
    cwd: ROOT, env: { ...clean, PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  // Its logs are read only until it says where it listens; after that they are drained unread.
  let stdout = '';
  let port: number | undefined;
  child.stdout!.on('data', (c: Buffer) => {
    if (port !== undefined) return;
    stdout += c.toString();
    const line = stdout.split('\n').find((l) => l.includes('"listening"'));
    if (line) port = Number((JSON.parse(line) as { port: number }).port);
  });
  const deadline = Date.now() + 60_000;
  const url = await new Promise<string>((done, fail) => {
    const poll = setInterval(() => {
      if (port !== undefined) done(`http://127.0.0.1:${port}`);
      else if (child.exitCode !== null || Date.now() > deadline) fail(new Error(`${args.join(' ')} did not say where it listens (exit ${child.exitCode}): ${stderr}`));
      else return;
      clearInterval(poll);
    }, 5);
  }).catch((error: Error) => {
    child.kill('SIGKILL');
    throw error;
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}: ${stderr}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} did not answer /healthz within 60 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const msToHealthy = performance.now() - started;
  return {
    url, pid: child.pid!, msToHealthy,
    stop: () => stopChild(child, 30_000),
  };
}

/** Node's flags for running a TypeScript entry point in the child itself (not through tsx's own launcher process). */
export const TSX_IMPORT = ['--import', 'tsx'];
