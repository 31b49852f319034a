import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The core is channel-agnostic: it must not import Slack, Telegram, AWS, HTTP frameworks or adapters.
const FORBIDDEN = [/^@slack\//, /^telegraf/, /^@aws-sdk\//, /^express/, /^pino/, /\/storage\//, /\/http\//, /\/adapters\//];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

test('core imports nothing from platforms, AWS or adapters', () => {
  const offending = sources(__dirname).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)]
      .map((m) => m[1]!)
      .filter((spec) => FORBIDDEN.some((rule) => rule.test(spec)))
      .map((spec) => `${relative(__dirname, file)} imports ${spec}`),
  );
  expect(offending).toEqual([]);
});
