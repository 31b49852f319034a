import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { Command } from 'commander';
import { Telegram } from 'telegraf';
import { WebClient } from '@slack/web-api';
import { redactToken } from '../../../bot/src/channels/telegram/telegram-replies';
import { Config } from '../../../bot/src/config/config';
import { TABLE_SPEC } from '../../../bot/src/storage/dynamodb/table-spec';
import { textractAnswers } from '../../../bot/src/receipts/textract-reachable';
import { action } from '../cli';
import { OperationFailed, openTable, opsConfig } from '../ops-context';

interface Check {
  check: string;
  ok: boolean;
  detail: string;
}

const check = async (name: string, run: () => Promise<string>): Promise<Check> => {
  try {
    return { check: name, ok: true, detail: await run() };
  } catch (error) {
    return { check: name, ok: false, detail: redactToken((error as Error).message) };
  }
};

async function platformChecks(config: Config): Promise<Check[]> {
  const checks: Check[] = [];
  if (config.slack) {
    const slack = config.slack;
    checks.push(await check('slack auth.test', async () => {
      const client = new WebClient(slack.botToken, { ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}), retryConfig: { retries: 0 } });
      const auth = await client.auth.test();
      return `team ${auth.team_id}, bot user ${auth.user_id}, ${slack.mode === 'socket' ? 'Socket Mode' : 'HTTP'}`;
    }));
  }
  if (config.telegram) {
    const tg = config.telegram;
    const client = new Telegram(tg.token, { ...(tg.apiRoot ? { apiRoot: tg.apiRoot } : {}) });
    checks.push(await check('telegram getMe', async () => `@${(await client.getMe()).username}, ${tg.mode}`));
    checks.push(await check('telegram webhook', async () => {
      const info = await client.getWebhookInfo();
      if (tg.mode === 'polling') {
        if (info.url) throw new Error(`polling mode, but a webhook is set (${info.url}): updates will not reach polling`);
        return 'polling; no webhook set';
      }
      if (!(info.url ?? '').endsWith('/telegram/webhook')) throw new Error(info.url ? `points at ${info.url}, not …/telegram/webhook` : 'no webhook set (ops telegram webhook set --url …)');
      if (info.last_error_message) throw new Error(`${info.url}: last error "${info.last_error_message}", ${info.pending_update_count} pending`);
      return `${info.url}, ${info.pending_update_count} pending`;
    }));
  }
  return checks;
}

export function registerDoctorCommand(program: Command): void {
  program.command('doctor').description('configuration, DynamoDB, Textract, Slack and Telegram: a table of checks (exit 1 if any fails)')
    .action(action(program, async (out) => {
      const config = opsConfig(); // a bad configuration stops here, every problem named (exit 2)
      const checks: Check[] = [{ check: 'configuration', ok: true, detail: `table ${config.tableName}; Slack ${config.slack ? 'on' : 'off'}; Telegram ${config.telegram ? 'on' : 'off'}` }];
      const ops = await openTable(program.opts()).catch((error: Error) => {
        checks.push({ check: 'dynamodb', ok: false, detail: error.message });
        return undefined;
      });
      if (ops) {
        try {
          checks.push(await check('dynamodb table', async () => {
            const { Table } = await ops.table.doc.send(new DescribeTableCommand({ TableName: config.tableName }), { abortSignal: AbortSignal.timeout(5_000) });
            const indexes = (Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName);
            const missing = TABLE_SPEC.globalIndexes.filter((i) => !indexes.includes(i.name)).map((i) => i.name);
            if (missing.length) throw new Error(`${config.tableName} lacks the index ${missing.join(', ')}`);
            return `${ops.where}: ${Table?.TableStatus}, ${Table?.ItemCount ?? 0} items`;
          }));
          checks.push(await check('dynamodb ttl', async () => {
            const { TimeToLiveDescription: ttl } = await ops.table.doc.send(new DescribeTimeToLiveCommand({ TableName: config.tableName }));
            if (ttl?.TimeToLiveStatus !== 'ENABLED' || ttl.AttributeName !== TABLE_SPEC.ttlAttribute) throw new Error(`TTL is ${ttl?.TimeToLiveStatus ?? 'off'} (expected on ${TABLE_SPEC.ttlAttribute})`);
            return `on ${ttl.AttributeName}`;
          }));
        } finally {
          await ops.close();
        }
      }
      if (config.receiptOcr === 'textract') {
        checks.push(await check('textract', () => textractAnswers(config.storage.kind === 'dynamodb' ? config.storage.region : undefined)));
      }
      checks.push(...(await platformChecks(config)));
      out.rows(checks.map((c) => ({ check: c.check, ok: c.ok, detail: c.detail })));
      const failed = checks.filter((c) => !c.ok);
      if (failed.length) throw new OperationFailed(`${failed.length} check${failed.length === 1 ? '' : 's'} failed`);
    }));
}
