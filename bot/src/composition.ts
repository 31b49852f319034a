import { Config, defaultSpoolDir } from './config/config';
import { CoreDeps } from './core/core-deps';
import { Clock, systemClock } from './core/ports/clock.port';
import { createOutbound } from './channels/outbound';
import { createWorkerChartRenderer, WorkerChartRenderer } from './charts/worker-chart-renderer';
import { ChartRenderer } from './core/charts/chart';
import { LocalMailbox } from './channels/local/local-mailbox';
import { createTelegramChannel, TelegramChannel } from './channels/telegram/telegram-channel';
import { createSlackChannel, SlackChannel } from './channels/slack/slack-channel';
import { createLedgerWriteQueue } from './core/ledger/ledger-write-queue';
import { Outbound } from './core/ports/outbound.port';
import { createScheduler, Scheduler } from './core/schedules/scheduler';
import { runSchedule } from './core/schedules/run-schedule';
import { createDynamoDueSchedules } from './storage/dynamodb/dynamodb-due-schedules';
import { HttpDeps } from './http/server';
import { createLocalReceiptScanner } from './receipts/local/local-receipt-scanner';
import { receiptImagesFor } from './receipts/receipt-images-for';
import { prepareReceiptImage } from './receipts/prepare-image';
import { createTextractReceiptScanner } from './receipts/textract/textract-receipt-scanner';
import { createDynamoReceiptDrafts } from './storage/dynamodb/dynamodb-receipt-drafts';
import { Logger } from './logger';
import { createDynamoLedgerDirectory } from './storage/dynamodb/dynamodb-directory';
import { createDynamoPendingLines } from './storage/dynamodb/dynamodb-pending-lines';
import { createDynamoPersonalData } from './storage/dynamodb/dynamodb-personal-data';
import { createDynamoLocalMailbox } from './storage/dynamodb/dynamodb-local-mailbox';
import { createDynamoLedgerWriter } from './storage/dynamodb/dynamodb-ledger-writer';
import { createDynamoWriteCounters } from './storage/dynamodb/dynamodb-write-counters';
import { createDynamoExpenseQueries, createDynamoSpendingTotals } from './storage/dynamodb/dynamodb-queries';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from './storage/dynamodb/dynamodb-local';
import { createDynamoTable, DynamoTable } from './storage/dynamodb/dynamodb-tables';
import { ensureTable, tableAnswers, tableExists } from './storage/dynamodb/ensure-table';
import { removeLocalEndpoint, writeLocalEndpoint } from './storage/dynamodb/local-endpoint-file';
import { createFileSpool, DiskSpool } from './storage/spool/file-spool';
import { FileSpool } from './core/ports/file-spool.port';

export interface Services {
  readonly core: CoreDeps;
  /** Where the local chat keeps replies produced after their request. */
  readonly mailbox: LocalMailbox;
  /** Large files while they are sent, and the local chat's downloads (SPOOL_DIR). */
  readonly spool: DiskSpool;
  /** Present when TELEGRAM_BOT_TOKEN is set. */
  readonly telegram?: TelegramChannel;
  /** Present when SLACK_BOT_TOKEN is set. */
  readonly slack?: SlackChannel;
  readonly table: DynamoTable;
  /** Present unless SCHEDULER=off. */
  readonly scheduler?: Scheduler;
  /** The chart worker (core.charts): started by the first chart, or by `warm()`. */
  readonly charts: WorkerChartRenderer;
  /** True while DynamoDB answers for our table. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/** The one place adapters are built; main, tests and ops all come through here. */
/** `slackWorkInFlight`: how much Slack work may wait behind its acks (tests make it small). */
export async function createServices(config: Config, log: Logger, options: { clock?: Clock; slackWorkInFlight?: number } = {}): Promise<Services> {
  const embedded = config.storage.kind === 'embedded'
    ? await startDynamoDbLocal({ dataDir: config.storage.dataDir })
    : undefined;
  const dataDir = config.storage.kind === 'embedded' ? config.storage.dataDir : undefined;
  if (embedded && dataDir) {
    writeLocalEndpoint(dataDir, embedded.connection);
    log.info({ endpoint: embedded.endpoint, dataDir }, 'started DynamoDB Local');
    if (embedded.adoptedSharedDb) log.info({ dataDir }, 'DynamoDB Local: the database of earlier versions (shared-local-instance.db) now opens with this folder\'s access key');
  }
  const table = embedded
    ? createDynamoTable(config.tableName, embedded.connection)
    : createDynamoTable(config.tableName, remoteOptions(config));

  try {
    if (embedded || (config.storage.kind === 'dynamodb' && config.storage.createTableIfMissing)) {
      const status = await ensureTable(table);
      log.info({ table: config.tableName, status }, 'table ready');
    } else if (!(await tableExists(table))) {
      throw new StartupError(`DynamoDB table "${config.tableName}" does not exist. In production it is created by the infrastructure (infra-pulumi); check SPENDWISE_TABLE and AWS_REGION.`);
    }
  } catch (error) {
    table.doc.destroy();
    if (dataDir) removeLocalEndpoint(dataDir);
    await embedded?.stop();
    throw error;
  }

  const clock = options.clock ?? systemClock;
  const mailbox = createDynamoLocalMailbox(table, () => clock.now());
  // The channels need the core and the core's outbound needs the channels: bound once both exist.
  const senders: { telegram?: TelegramChannel; slack?: SlackChannel } = {};
  const outbound = createOutbound({
    local: mailbox,
    ...(config.telegram ? { telegram: { post: (to, replies) => senders.telegram!.post(to, replies) } } : {}),
    ...(config.slack ? { slack: { post: (to, replies) => senders.slack!.post(to, replies) } } : {}),
  });
  const receipts = receiptsFor(config, table, clock, log);
  const spool = spoolFor(config, log);
  const { perMinute, perDay } = config.writeLimits;
  // Started by the first chart, not at start: a warm worker holds about 110 MB, and an idle task
  // stays near 100 MB (the first chart after a start takes about a second more instead).
  const charts = createWorkerChartRenderer();
  const core: CoreDeps = {
    ...coreOnTable(table, clock, { error: (details, message) => log.error(details, message) }, outbound, charts, spool.spool),
    ...(receipts ? { receipts: receipts.ports } : {}),
    // Counted in the table, so every task of the service shares one count per person and group.
    ...(perMinute > 0 || perDay > 0 ? { writeLimits: { counters: createDynamoWriteCounters(table), limits: config.writeLimits } } : {}),
  };
  if (config.telegram) senders.telegram = createTelegramChannel(config.telegram, core, log.child({ channel: 'telegram' }));
  if (config.slack) senders.slack = createSlackChannel(config.slack, core, log.child({ channel: 'slack' }), options.slackWorkInFlight ? { workInFlight: options.slackWorkInFlight } : {});
  const scheduler = config.scheduler.on
    ? createScheduler({
        due: createDynamoDueSchedules(table), run: (run) => runSchedule(run, core), clock, intervalMs: config.scheduler.intervalMs, log: log.child({ part: 'scheduler' }),
      })
    : undefined;
  scheduler?.start();
  return {
    ...(scheduler ? { scheduler } : {}),
    core,
    charts,
    mailbox,
    spool: spool.spool,
    table,
    ...(senders.telegram ? { telegram: senders.telegram } : {}),
    ...(senders.slack ? { slack: senders.slack } : {}),
    isReady: () => tableAnswers(table),
    async close() {
      await scheduler?.stop();
      await receipts?.close();
      await charts.close();
      spool.close();
      senders.telegram?.stop();
      await senders.slack?.stop().catch((error: Error) => log.warn({ err: error }, 'slack: socket did not close cleanly'));
      table.doc.destroy();
      if (dataDir) removeLocalEndpoint(dataDir);
      await embedded?.stop();
    },
  };
}

/** The core's ports on one DynamoDB table: the service, the tests and the bench all wire it this way. */
export function coreOnTable(
  table: DynamoTable, clock: Clock, log: CoreDeps['log'], outbound: Outbound,
  charts: ChartRenderer = createWorkerChartRenderer(), spool: FileSpool = createFileSpool({ dir: defaultSpoolDir() }),
): CoreDeps {
  return {
    writer: createDynamoLedgerWriter(table, { log }),
    expenses: createDynamoExpenseQueries(table),
    totals: createDynamoSpendingTotals(table),
    directory: createDynamoLedgerDirectory(table),
    personalData: createDynamoPersonalData(table),
    pendingLines: createDynamoPendingLines(table, () => clock.now()),
    outbound,
    spool,
    clock,
    queue: createLedgerWriteQueue(),
    log,
    charts,
  };
}

/** How to reach a configured (not embedded) DynamoDB; ops connects the same way. */
export function remoteOptions(config: Config) {
  if (config.storage.kind !== 'dynamodb') return {};
  const { endpoint, region, placeholderCredentials } = config.storage;
  return {
    ...(endpoint ? { endpoint } : {}),
    ...(placeholderCredentials ? { credentials: LOCAL_CREDENTIALS, region: region ?? LOCAL_REGION } : {}),
  };
}

/** What the HTTP app serves for this configuration: the local chat, and the webhooks of the channels that are on. */
export function httpDepsFor(config: Config, services: Services, log: Logger): HttpDeps {
  const webhookSecret = config.telegram?.mode === 'webhook' ? config.telegram.webhookSecret : undefined;
  return {
    core: services.core,
    mailbox: services.mailbox,
    downloads: services.spool,
    log,
    isReady: services.isReady,
    localChat: config.localChat,
    ...(services.telegram && webhookSecret ? { telegramWebhook: { channel: services.telegram, secret: webhookSecret } } : {}),
    ...(services.slack?.router ? { slackEvents: services.slack.router } : {}),
  };
}

/** Once the server listens: Slack's socket, the Telegram command menu, long polling when that is the mode. */
export async function startChannels(config: Config, services: Services, log: Logger): Promise<void> {
  if (services.slack) await services.slack.start().catch((error: Error) => log.error({ err: error }, 'slack: Socket Mode did not connect'));
  if (!services.telegram || !config.telegram) return;
  void services.telegram.registerCommands();
  if (config.telegram.mode === 'polling') services.telegram.startPolling();
}

/**
 * The spool on this machine's disk. What a crashed process left there (spooled files are deleted
 * once sent) and expired local downloads are swept now and hourly.
 */
function spoolFor(config: Config, log: Logger) {
  const spool = createFileSpool({ dir: config.spoolDir });
  const sweep = () => spool
    .sweep()
    .then((removed) => removed > 0 && log.info({ removed }, 'spool: files left behind removed'))
    .catch((error: Error) => log.warn({ err: error }, 'spool: could not sweep'));
  void sweep();
  const sweeping = setInterval(sweep, 60 * 60 * 1000).unref();
  return { spool, close: () => clearInterval(sweeping) };
}

/**
 * Receipts: the reader RECEIPT_OCR names; images in the S3 bucket (RECEIPTS_BUCKET) or the local
 * folder. A production task without a bucket keeps receipts off: its root filesystem is read-only.
 */
function receiptsFor(config: Config, table: DynamoTable, clock: Clock, log: Logger) {
  if (config.production && config.receiptImages.kind === 'folder') {
    log.warn('receipts are off: set RECEIPTS_BUCKET (a production task cannot keep images on its disk)');
    return undefined;
  }
  const region = config.storage.kind === 'dynamodb' ? config.storage.region : undefined;
  const scanner = config.receiptOcr === 'textract' ? createTextractReceiptScanner(region ? { region } : {}) : createLocalReceiptScanner({ log });
  const store = receiptImagesFor(config);
  // A folder has no lifecycle rule: unconfirmed drafts' images are swept now and hourly instead.
  const sweep = () =>
    store.kind === 'folder' &&
    store.images
      .sweepExpiredDrafts(clock.now())
      .then((removed) => removed > 0 && log.info({ removed }, 'receipts: expired drafts\' images removed'))
      .catch((error: Error) => log.warn({ err: error }, 'receipts: could not sweep expired drafts'));
  void sweep();
  const sweeping = store.kind === 'folder' ? setInterval(sweep, 60 * 60 * 1000).unref() : undefined;
  return {
    ports: { scanner, images: store.images, drafts: createDynamoReceiptDrafts(table, () => clock.now()), prepare: prepareReceiptImage },
    close: async () => {
      clearInterval(sweeping);
      await scanner.close();
      store.close();
    },
  };
}
