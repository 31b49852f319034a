import { Telegraf, Telegram } from 'telegraf';
import { COMMANDS } from '../../core/commands/command-registry';
import { CoreDeps } from '../../core/core-deps';
import { helpText } from '../../core/commands/command-registry';
import { handleMessage } from '../../core/conversation/handle-message';
import { formatted, line } from '../../core/conversation/formatted-text';
import { Reply } from '../../core/conversation/reply';
import { ConversationAddress } from '../../core/ports/outbound.port';
import { TelegramConfig } from '../../config/config';
import { ConversationGoneError } from '../../core/ports/outbound.port';
import { callBotApi, deliverReplies, redactedMessage, redactToken } from './telegram-replies';
import { fromTelegramUpdate } from './telegram-update';

export interface TelegramLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Telegram, on the core: updates in (webhook or long polling), replies out through the Bot API. */
export interface TelegramChannel {
  /**
   * One update, whichever way it came; never throws. False when it could not be handled at all (the
   * bot's own identity unknown: Telegram unreachable), so the webhook answers 5xx and Telegram redelivers.
   */
  handleUpdate(update: unknown): Promise<boolean>;
  /** Talking later: replies to a chat after the update that started the work was answered. */
  post(to: ConversationAddress, replies: readonly Reply[]): Promise<void>;
  /** The command menu, from the same list that writes `help`. */
  registerCommands(): Promise<void>;
  /** Long polling (TELEGRAM_MODE=polling). Telegram then stops sending to any webhook. */
  startPolling(): void;
  stop(): void;
}

const carriesFile = (update: unknown) => {
  const message = (update as { message?: { photo?: unknown; document?: unknown } }).message;
  return Boolean(message?.photo ?? message?.document);
};

/** The updates the bot handles: polling asks for these, and `ops telegram webhook` registers them. */
export const TELEGRAM_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;
const UNSUPPORTED: Reply = { text: formatted('I read text, commands and receipt photos. Type an expense like this: 12.50 lunch #food') };

/**
 * A file's bytes: getFile, then a download from `<api root>/file/bot<token>/<file_path>`, the
 * address Telegram's answer leads to (https://core.telegram.org/bots/api#getfile).
 */
export function telegramFileFetcher(telegram: Telegram): (fileId: string) => Promise<Uint8Array> {
  return async (fileId) => {
    const link = await telegram.getFileLink(fileId);
    const res = await fetch(link);
    if (!res.ok) throw new Error(`telegram file download answered ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
}

export function createTelegramChannel(config: TelegramConfig, core: CoreDeps, log: TelegramLog): TelegramChannel {
  // webhookReply false: every reply is a real Bot API call, observable and retried safely (never
  // smuggled into the webhook's HTTP answer).
  const bot = new Telegraf(config.token, {
    telegram: { webhookReply: false, ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}) },
    handlerTimeout: 60_000,
  });
  const { telegram } = bot;

  const fetchFile = telegramFileFetcher(telegram);

  bot.use(async (ctx) => {
    const inbound = fromTelegramUpdate(ctx.update, { id: ctx.botInfo.id, username: ctx.botInfo.username }, fetchFile, core.clock.now());
    switch (inbound.kind) {
      case 'ignored':
        log.info({ updateId: ctx.update.update_id, reason: inbound.reason }, 'telegram: update ignored');
        return;
      case 'emptyPress':
        await callBotApi('answerCallbackQuery', () => telegram.answerCbQuery(inbound.callbackQueryId), log);
        return;
      case 'unsupported':
        await deliverReplies(telegram, { chatId: inbound.chatId }, [UNSUPPORTED], log);
        return;
      case 'addedToGroup':
        await deliverReplies(telegram, { chatId: inbound.chatId }, [{ text: [line('👋 I keep this group’s shared expenses. Mention me or use a command; everyone’s entries count.'), ...helpText().slice(1)] }], log);
        return;
      case 'message':
      case 'press': {
        const sayNow = (now: readonly Reply[]) => deliverReplies(telegram, { chatId: inbound.chatId }, now, log);
        const replies = await handleMessage({ ...inbound.message, sayNow }, core);
        await deliverReplies(telegram, {
          chatId: inbound.chatId,
          ...(inbound.kind === 'message' && inbound.replyTo ? { replyTo: inbound.replyTo } : {}),
          ...(inbound.kind === 'press' ? { press: { callbackQueryId: inbound.callbackQueryId, ...(inbound.pressedMessageId ? { messageId: inbound.pressedMessageId } : {}) } } : {}),
        }, replies, log);
      }
    }
  });
  bot.catch((error, ctx) => {
    log.error({ updateId: ctx.update.update_id, err: { message: redactedMessage(error) } }, 'telegram: update failed');
  });

  /**
   * The bot's own identity (for /cmd@Bot and mentions), asked once and kept; a failed getMe is not
   * kept (Telegraf would reuse the failed answer for every later update), so the next update asks again.
   */
  async function knowThyself(): Promise<boolean> {
    if (bot.botInfo) return true;
    try {
      bot.botInfo = await telegram.getMe();
      return true;
    } catch (error) {
      log.error({ err: { message: redactedMessage(error) } }, 'telegram: getMe failed');
      return false;
    }
  }

  let polling = false;
  let pollingRetry: NodeJS.Timeout | undefined;
  const POLLING_RETRY_MS = 10_000;

  return {
    async handleUpdate(update) {
      if (!(await knowThyself())) return false;
      const handling = bot.handleUpdate(update as Parameters<typeof bot.handleUpdate>[0]).catch((error: unknown) => {
        log.error({ err: { message: redactedMessage(error) } }, 'telegram: update not handled');
      });
      // A photo takes seconds to read: Telegram has its answer first, and a redelivery is read once.
      if (!carriesFile(update)) await handling;
      return true;
    },
    async post(to, replies) {
      let gone = false;
      await deliverReplies(telegram, { chatId: Number(to.conversationId) }, replies, log, () => (gone = true));
      if (gone) throw new ConversationGoneError(`telegram chat ${to.conversationId} does not take the bot's messages`);
    },
    async registerCommands() {
      const commands = COMMANDS.map((c) => ({ command: c.name, description: c.summary.slice(0, 256) }));
      const done = await callBotApi('setMyCommands', () => telegram.setMyCommands(commands), log);
      if (done !== 'failed') log.info({ commands: commands.length }, 'telegram: command menu registered');
    },
    startPolling() {
      // Telegram unreachable at start, or polling broken later: tried again until the service stops.
      polling = true;
      const launch = () => {
        bot.launch({ allowedUpdates: [...TELEGRAM_UPDATES] }).catch((error: Error) => {
          log.error({ err: { message: redactToken(error.message) }, retryInMs: POLLING_RETRY_MS }, 'telegram: polling stopped');
          if (polling) pollingRetry = setTimeout(launch, POLLING_RETRY_MS);
        });
      };
      launch();
    },
    stop() {
      polling = false;
      clearTimeout(pollingRetry);
      // Telegraf's stop throws when it was never launched (webhook mode): nothing to stop then.
      try {
        bot.stop('shutdown');
      } catch {
        /* not polling */
      }
    },
  };
}
