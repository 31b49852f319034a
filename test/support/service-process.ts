import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

// The service as `npm start` runs it: a real process, its logs, its exit code.
export const ROOT = resolve(__dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

export interface Started {
  child: ChildProcess;
  lines: () => Record<string, unknown>[];
  stderr: () => string;
  exit: Promise<number | null>;
}

export function startService(env: Record<string, string>, command: string[] = [TSX, 'bot/src/main.ts']): Started {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && !k.startsWith('SPENDWISE_')));
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env: { ...clean, NODE_ENV: 'test', PORT: '0', ...env }, stdio: 'pipe' });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const lines = () => out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { child, lines, stderr: () => err, exit };
}

export async function waitForLog(started: Started, msg: string, ms = 20_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = started.lines().find((l) => l.msg === msg);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no "${msg}" log; stdout: ${JSON.stringify(started.lines())} stderr: ${started.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

