import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

/** CPU time a process has used so far, in ms (utime + stime of /proc/<pid>/stat, every thread). */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** Linux's USER_HZ, the unit of /proc/<pid>/stat times: 100 on every mainstream kernel. */
const CLOCK_TICKS = 100;

/** Resident memory of a process, in MB (VmRSS of /proc/<pid>/status). */
export function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export const percentile = (values: readonly number[], p: number) =>
  values.length === 0 ? NaN : [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

/** One HTTP request as the load sends it: keep-alive, the body read to the end. */
export interface Post { path: string; body: string; headers?: Record<string, string> }

/**
 * A request; with `agent`, on its kept-alive connections. Without one, on a connection of its own:
 * a kept-alive socket left idle may be closed by the server just as it is reused (ECONNRESET).
 */
export function post(base: string, { path, body, headers = {} }: Post, agent: Agent | false = false): Promise<{ status: number; body: string }> {
  const url = new URL(path, base);
  return new Promise((done, fail) => {
    const req = request({ agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });
}

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly latenciesMs: number[];
  /** Answers that were not what `check` expects. */
  readonly failures: number;
  readonly firstFailure?: string;
}

/**
 * Closed loop: `clients` clients, each sending its next request as soon as the previous one is
 * answered, for `seconds`. `next(i)` makes the i-th request; `check` says whether an answer is right.
 */
export async function closedLoop(base: string, clients: number, seconds: number, next: (i: number) => Post, check: (status: number, body: string) => boolean): Promise<LoadResult> {
  let i = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const latenciesMs: number[] = [];
  const started = performance.now();
  const stopAt = started + seconds * 1000;
  // Connections kept alive for this run only: busy all along, then closed, never reused idle.
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < stopAt) {
      const t = performance.now();
      const res = await post(base, next(i++), agent);
      latenciesMs.push(performance.now() - t);
      if (!check(res.status, res.body)) {
        failures += 1;
        firstFailure ??= `${res.status} ${res.body.slice(0, 300)}`;
      }
    }
  }));
  agent.destroy();
  return { requests: latenciesMs.length, seconds: (performance.now() - started) / 1000, latenciesMs, failures, ...(firstFailure ? { firstFailure } : {}) };
}

/**
 * Open loop: a request every 1/rate seconds whether or not earlier ones were answered (as users
 * arrive), for `seconds`; latency counted from when each request was due, so a queue shows.
 */
export async function openLoop(base: string, rate: number, seconds: number, next: (i: number) => Post, check: (status: number, body: string) => boolean): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const inFlight: Promise<void>[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const count = Math.max(1, Math.round(rate * seconds));
  const agent = new Agent({ keepAlive: true });
  for (let i = 0; i < count; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(post(base, next(i), agent).then((res) => {
      latenciesMs.push(performance.now() - due);
      if (!check(res.status, res.body)) {
        failures += 1;
        firstFailure ??= `${res.status} ${res.body.slice(0, 300)}`;
      }
    }));
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { requests: count, seconds: (performance.now() - started) / 1000, latenciesMs, failures, ...(firstFailure ? { firstFailure } : {}) };
}

/** Runs `load` while sampling what it costs two processes (the server and DynamoDB Local) in CPU and memory. */
export async function measured<T>(pids: { server: number; dynamo?: number }, load: () => Promise<T>) {
  const cpu0 = cpuMsOf(pids.server);
  const dynamo0 = pids.dynamo ? cpuMsOf(pids.dynamo) : 0;
  let peakRssMb = rssMbOf(pids.server);
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMbOf(pids.server))), 200);
  try {
    const result = await load();
    return { result, serverCpuMs: cpuMsOf(pids.server) - cpu0, dynamoCpuMs: pids.dynamo ? cpuMsOf(pids.dynamo) - dynamo0 : NaN, peakRssMb };
  } finally {
    clearInterval(sampler);
  }
}
