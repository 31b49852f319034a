import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { WRITABLE_TMP } from '../components/bot-service';

// The Dockerfile, read as BuildKit reads it: stages and their instructions.
const text = readFileSync(resolve(__dirname, '../../Dockerfile'), 'utf8');
interface Stage { from: string; name?: string; platform?: string; instructions: { op: string; args: string }[] }

const stages: Stage[] = [];
for (const line of text.replace(/\\\n/g, ' ').split('\n')) {
  const m = /^(\w+)\s+(.*)$/.exec(line.trim());
  if (!m || line.trim().startsWith('#')) continue;
  const [, op, args] = [m[0], m[1]!.toUpperCase(), m[2]!];
  if (op === 'FROM') {
    const from = /^(?:--platform=(\S+)\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args)!;
    stages.push({ from: from[2]!, ...(from[1] ? { platform: from[1] } : {}), ...(from[3] ? { name: from[3] } : {}), instructions: [] });
  } else {
    stages[stages.length - 1]!.instructions.push({ op, args });
  }
}
const final = stages[stages.length - 1]!;
const ops = (stage: Stage, op: string) => stage.instructions.filter((i) => i.op === op).map((i) => i.args);

test('the build stages run on the builder’s platform; the arm64 stage only copies, so nothing is emulated', () => {
  expect(stages.map((s) => [s.name, s.platform])).toEqual([['build', '$BUILDPLATFORM'], ['deps', '$BUILDPLATFORM'], [undefined, undefined]]);
  expect(ops(final, 'RUN')).toEqual([]);
  // The target's native packages (sharp) are chosen by npm for TARGETARCH, not for the builder.
  const deps = stages.find((s) => s.name === 'deps')!;
  expect(ops(deps, 'ARG')).toContain('TARGETARCH');
  expect(ops(deps, 'RUN').join(' ')).toMatch(/arm64\) cpu=arm64.*--os=linux --cpu="\$cpu" --libc=glibc/);
});

test('the image carries production dependencies only, and the bundle', () => {
  const copies = ops(final, 'COPY').filter((c) => c.includes('--from='));
  expect(copies).toEqual(['--from=deps --chown=root:root /app/node_modules ./node_modules', '--from=build --chown=root:root /app/dist ./dist']);
  const deps = stages.find((s) => s.name === 'deps')!;
  expect(ops(deps, 'RUN').join(' ')).toMatch(/npm ci --omit=dev /);
});

test('a writable temp volume under the read-only root, at the path the task mounts, for the unprivileged user', () => {
  expect(ops(final, 'VOLUME')).toEqual([JSON.stringify([WRITABLE_TMP])]);
  expect(ops(final, 'ENV').join(' ')).toContain(`TMPDIR=${WRITABLE_TMP}`);
  expect(ops(final, 'USER')).toEqual(['node']); // uid 1000 in the node images, as the task definition's user 1000:1000
});
