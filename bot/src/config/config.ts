import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_WRITE_LIMITS, WriteLimits } from '../core/limits/write-limits';

const optionalText = z.string().min(1).optional();
const writeLimit = (fallback: number) => z.coerce.number('a whole number of writes (0 turns the limit off)').int('a whole number of writes (0 turns the limit off)').min(0, '0 or more (0 turns the limit off)').max(1_000_000).default(fallback);

/** Every variable the service reads (the Pulumi task definition is checked against it). */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SPENDWISE_TABLE: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, 'a DynamoDB table name: 3-255 of A-Z a-z 0-9 _ . -').default('spendwise'),
  SPENDWISE_DATA_DIR: z.string().min(1).default('.spendwise/dynamodb'),
  AWS_ENDPOINT_URL_DYNAMODB: z.url().optional(),
  AWS_REGION: optionalText,
  AWS_DEFAULT_REGION: optionalText,
  AWS_PROFILE: optionalText,
  AWS_ACCESS_KEY_ID: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'a bot token starting with xoxb-').optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'an app-level token starting with xapp-').optional(),
  SLACK_API_URL: z.url().optional(),
  HOST: z.union([z.ipv4(), z.ipv6(), z.literal('localhost')], 'an IP address to listen on, or localhost').optional(),
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, 'a bot token from @BotFather, like 123456:ABC-xyz').optional(),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, '1-256 of A-Z a-z 0-9 _ -').optional(),
  TELEGRAM_API_ROOT: z.url().optional(),
  TELEGRAM_MODE: z.enum(['webhook', 'polling']).default('webhook'),
  RECEIPT_OCR: z.enum(['textract', 'local']).optional(),
  RECEIPTS_DIR: z.string().min(1).default('.spendwise/receipts'),
  SPOOL_DIR: optionalText,
  SCHEDULER: z.enum(['on', 'off']).default('on'),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  RECEIPTS_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name').optional(),
  RATE_LIMIT_PER_MINUTE: writeLimit(DEFAULT_WRITE_LIMITS.perMinute),
  RATE_LIMIT_PER_DAY: writeLimit(DEFAULT_WRITE_LIMITS.perDay),
}).superRefine((env, ctx) => {
  if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'required with SLACK_BOT_TOKEN over HTTP (or set SLACK_APP_TOKEN for Socket Mode)' });
  }
  if ((env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN) && !env.SLACK_BOT_TOKEN) {
    ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'required to turn Slack on (SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set)' });
  }
  if (env.TELEGRAM_BOT_TOKEN && env.TELEGRAM_MODE === 'webhook' && !env.TELEGRAM_WEBHOOK_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'required with TELEGRAM_BOT_TOKEN when TELEGRAM_MODE=webhook (or set TELEGRAM_MODE=polling)' });
  }
});

/** Slack is on when its bot token is present: over HTTP with the signing secret, or over Socket Mode with the app token. */
export interface SlackConfig {
  readonly botToken: string;
  readonly mode: 'http' | 'socket';
  readonly signingSecret?: string;
  readonly appToken?: string;
  /** The Web API base URL; Slack's unless a test says otherwise. Ends with "/". */
  readonly apiUrl?: string;
}

/** Telegram is on when its token is present. */
export interface TelegramConfig {
  readonly token: string;
  readonly mode: 'webhook' | 'polling';
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token on every webhook request. */
  readonly webhookSecret?: string;
  /** The Bot API root; Telegram's own unless a test or a local Bot API server says otherwise. */
  readonly apiRoot?: string;
}

export type Storage =
  /** DynamoDB Local started by the service itself, data under `dataDir`. */
  | { kind: 'embedded'; dataDir: string }
  /** A DynamoDB endpoint (DynamoDB Local, a test's, or AWS's) reached with the SDK's own configuration. */
  | { kind: 'dynamodb'; endpoint?: string; region?: string; createTableIfMissing: boolean; placeholderCredentials: boolean };

export interface Config {
  readonly production: boolean;
  readonly host: string;
  readonly port: number;
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  readonly tableName: string;
  readonly storage: Storage;
  /** The loopback-only local chat and its page; never in production. */
  readonly localChat: boolean;
  readonly telegram?: TelegramConfig;
  readonly slack?: SlackConfig;
  /** Who reads receipts: Textract in production, the local reader elsewhere, unless RECEIPT_OCR says. */
  readonly receiptOcr: 'textract' | 'local';
  /** Where receipt images are kept: an S3 bucket (RECEIPTS_BUCKET) or a local folder (RECEIPTS_DIR). */
  readonly receiptImages: { readonly kind: 'folder'; readonly dir: string } | { readonly kind: 's3'; readonly bucket: string };
  /** Chat writes per person and per group (RATE_LIMIT_PER_MINUTE, RATE_LIMIT_PER_DAY); 0 is off. */
  readonly writeLimits: WriteLimits;
  /** Where large files (an export of everything) are written while they are sent: a folder of its own under the OS's temporary folder unless SPOOL_DIR says. */
  readonly spoolDir: string;
  /** Recurring expenses, digests and reminders: off with SCHEDULER=off; looks for what is due every `intervalMs`. */
  readonly scheduler: { readonly on: boolean; readonly intervalMs: number };
}

/** One per user of the machine: another user's folder of the same name would not let us in. */
export const defaultSpoolDir = () => join(tmpdir(), `spendwise-spool-${process.getuid?.() ?? 'user'}`);

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Validates the environment once at start-up; every problem is listed, each naming its variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const region = e.AWS_REGION ?? e.AWS_DEFAULT_REGION;
  const awsConfigured = Boolean(region ?? e.AWS_PROFILE);
  const storage: Storage =
    e.AWS_ENDPOINT_URL_DYNAMODB || awsConfigured || production
      ? {
          kind: 'dynamodb',
          ...(e.AWS_ENDPOINT_URL_DYNAMODB ? { endpoint: e.AWS_ENDPOINT_URL_DYNAMODB } : {}),
          ...(region ? { region } : {}),
          createTableIfMissing: !production,
          // A custom endpoint without credentials is DynamoDB Local, which accepts any.
          placeholderCredentials: Boolean(e.AWS_ENDPOINT_URL_DYNAMODB) && !e.AWS_ACCESS_KEY_ID && !e.AWS_PROFILE,
        }
      : { kind: 'embedded', dataDir: e.SPENDWISE_DATA_DIR };
  return Object.freeze({
    production,
    // Outside production only this machine can reach the service unless HOST says otherwise.
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    tableName: e.SPENDWISE_TABLE,
    storage,
    localChat: !production,
    receiptOcr: e.RECEIPT_OCR ?? (production ? 'textract' : 'local'),
    writeLimits: { perMinute: e.RATE_LIMIT_PER_MINUTE, perDay: e.RATE_LIMIT_PER_DAY },
    scheduler: { on: e.SCHEDULER === 'on', intervalMs: e.SCHEDULER_INTERVAL_SECONDS * 1000 },
    spoolDir: e.SPOOL_DIR ?? defaultSpoolDir(),
    receiptImages: e.RECEIPTS_BUCKET ? { kind: 's3' as const, bucket: e.RECEIPTS_BUCKET } : { kind: 'folder' as const, dir: e.RECEIPTS_DIR },
    ...(e.SLACK_BOT_TOKEN
      ? {
          slack: {
            botToken: e.SLACK_BOT_TOKEN,
            mode: e.SLACK_APP_TOKEN ? ('socket' as const) : ('http' as const),
            ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
            ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
            ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL.replace(/\/*$/, '/') } : {}),
          },
        }
      : {}),
    ...(e.TELEGRAM_BOT_TOKEN
      ? {
          telegram: {
            token: e.TELEGRAM_BOT_TOKEN,
            mode: e.TELEGRAM_MODE,
            ...(e.TELEGRAM_WEBHOOK_SECRET ? { webhookSecret: e.TELEGRAM_WEBHOOK_SECRET } : {}),
            ...(e.TELEGRAM_API_ROOT ? { apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, '') } : {}),
          },
        }
      : {}),
  });
}
