import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './server-process';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Where a sample's function lives: a path in the project, or the package under node_modules, or node's own. */
function placeOf(url: string): string {
  if (!url) return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (inPackage) return `${inPackage[1]}/${inPackage[2]!.split('/').pop()}`;
  if (path.startsWith('node:')) return path;
  return relative(ROOT, path);
}

/** Self time by function and by package, in % of the busy (not idle) samples of the newest main-thread .cpuprofile in `dir`. */
export function summariseProfile(dir: string, top = 15) {
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread (tsx's loader has its own).
  const file = readdirSync(dir).filter((f) => /\.0\.\d+\.cpuprofile$/.test(f)).sort().pop();
  if (!file) return undefined;
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    // Waiting for I/O is not CPU: percentages are of the busy samples.
    if (node.callFrame.functionName === '(idle)') return;
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const place = placeOf(node.callFrame.url);
    const name = `${place}:${node.callFrame.functionName || '(anonymous)'}`;
    self.set(name, (self.get(name) ?? 0) + dt);
    const pkg = /^(\(|node:)/.test(place) ? place.replace(/^node:.*$/, 'node internals') : place.includes('/') && !place.startsWith('bot/') && !place.startsWith('bench/') ? place.split('/').slice(0, place.startsWith('@') ? 2 : 1).join('/') : 'spendwise (bot/src)';
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + dt);
  });
  const ranked = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, t]) => ({ name, percent: (100 * t) / total }));
  return { file: join(dir, file), seconds: total / 1e6, functions: ranked(self), packages: ranked(byPackage) };
}
