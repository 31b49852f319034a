import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { sourceFiles } from '../../../test/support/source-files';

// The core is channel-agnostic: it must not import Slack, Telegram, AWS, HTTP frameworks or adapters.
const FORBIDDEN = [/^@slack\//, /^telegraf/, /^@aws-sdk\//, /^express/, /^pino/, /\/storage\//, /\/http\//, /\/adapters\//];


test('core imports nothing from platforms, AWS or adapters', () => {
  const offending = sourceFiles(__dirname).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)]
      .map((m) => m[1]!)
      .filter((spec) => FORBIDDEN.some((rule) => rule.test(spec)))
      .map((spec) => `${relative(__dirname, file)} imports ${spec}`),
  );
  expect(offending).toEqual([]);
});
