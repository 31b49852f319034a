import { Command } from 'commander';
import { slackManifest } from '../../../bot/src/channels/slack/slack-manifest';
import { action } from '../cli';
import { UsageError } from '../ops-context';

export function registerSlackCommands(program: Command): void {
  const slack = program.command('slack').description('the Slack app');
  slack.command('manifest').description('the app manifest (command, events, scopes, Request URLs), ready to paste')
    .option('--url <base URL>', 'the public base URL (Request URLs are <url>/slack/events)')
    .option('--socket', 'Socket Mode instead of Request URLs')
    .action(action(program, async (_out, options: { url?: string; socket?: boolean }) => {
      if (!options.url && !options.socket) throw new UsageError('give --url <public base URL>, or --socket');
      if (options.url && !/^https?:\/\//.test(options.url)) throw new UsageError('--url is a base URL like https://spendwise.example.com');
      process.stdout.write(`${JSON.stringify(slackManifest({ ...(options.url ? { baseUrl: options.url } : {}), socketMode: Boolean(options.socket) }), null, 2)}\n`);
    }));
}
