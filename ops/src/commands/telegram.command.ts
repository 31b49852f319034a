import { Command } from 'commander';
import { Telegram } from 'telegraf';
import { COMMANDS } from '../../../bot/src/core/commands/command-registry';
import { redactToken } from '../../../bot/src/channels/telegram/telegram-replies';
import { TELEGRAM_UPDATES } from '../../../bot/src/channels/telegram/telegram-channel';
import { action } from '../cli';
import { OperationFailed, opsConfig, UsageError } from '../ops-context';

function telegramClient(): { telegram: Telegram; secret?: string } {
  const config = opsConfig();
  if (!config.telegram) throw new UsageError('TELEGRAM_BOT_TOKEN is not set');
  return {
    telegram: new Telegram(config.telegram.token, { ...(config.telegram.apiRoot ? { apiRoot: config.telegram.apiRoot } : {}) }),
    ...(config.telegram.webhookSecret ? { secret: config.telegram.webhookSecret } : {}),
  };
}

/** A Bot API failure, as an operation that failed, never with the token in it. */
const failed = (error: Error) => new OperationFailed(`Telegram: ${redactToken(error.message)}`);

export function registerTelegramCommands(program: Command): void {
  const telegram = program.command('telegram').description('the Telegram bot');
  const webhook = telegram.command('webhook').description('where Telegram sends updates');
  webhook.command('set').description('point Telegram at <url>/telegram/webhook, with the secret token and the updates Spendwise reads')
    .requiredOption('--url <base URL>', 'the public base URL')
    .action(action(program, async (out, options: { url: string }) => {
      const { telegram: client, secret } = telegramClient();
      if (!secret) throw new UsageError('TELEGRAM_WEBHOOK_SECRET is not set: Telegram must send it, or the service answers 401');
      if (!/^https:\/\//.test(options.url)) throw new UsageError('Telegram sends webhooks to https:// URLs only');
      const url = `${options.url.replace(/\/+$/, '')}/telegram/webhook`;
      await client.setWebhook(url, { secret_token: secret, allowed_updates: [...TELEGRAM_UPDATES], drop_pending_updates: false }).catch((e: Error) => { throw failed(e); });
      out.result({ webhook: url, allowedUpdates: TELEGRAM_UPDATES.join(', ') });
    }));
  webhook.command('info').description('the webhook Telegram has: URL, pending updates, last error')
    .action(action(program, async (out) => {
      const info = await telegramClient().telegram.getWebhookInfo().catch((e: Error) => { throw failed(e); });
      out.result({
        url: info.url || '(none)', pendingUpdates: info.pending_update_count,
        lastError: info.last_error_message ? `${info.last_error_message} (${new Date((info.last_error_date ?? 0) * 1000).toISOString()})` : 'none',
        allowedUpdates: (info.allowed_updates ?? []).join(', ') || 'default',
      });
    }));
  webhook.command('delete').description('stop the webhook (polling mode then works)')
    .action(action(program, async (out) => {
      await telegramClient().telegram.deleteWebhook().catch((e: Error) => { throw failed(e); });
      out.result({ webhook: 'deleted' });
    }));
  telegram.command('commands').description('the command menu').command('set').description('from the same list as help')
    .action(action(program, async (out) => {
      const commands = COMMANDS.map((c) => ({ command: c.name, description: c.summary.slice(0, 256) }));
      await telegramClient().telegram.setMyCommands(commands).catch((e: Error) => { throw failed(e); });
      out.result({ commands: commands.map((c) => c.command).join(' ') });
    }));
}
