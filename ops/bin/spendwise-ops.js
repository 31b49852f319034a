#!/usr/bin/env node
// The ops CLI, run through tsx so it uses the bot's own TypeScript modules as they are.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const cli = join(__dirname, '..', 'src', 'cli.ts');
const tsx = require.resolve('tsx/cli');
const result = spawnSync(process.execPath, [tsx, cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
