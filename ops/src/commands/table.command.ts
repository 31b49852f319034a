import { Command } from 'commander';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../../bot/src/storage/dynamodb/ensure-table';
import { action } from '../cli';
import { OperationFailed, withTable } from '../ops-context';

export function registerTableCommands(program: Command): void {
  const table = program.command('table').description('the one table, from the definition the bot and infra-pulumi share');
  table.command('create').description('create the table (and its TTL and indexes) if it is missing; safe to run again')
    .action(action(program, async (out) => {
      await withTable(program.opts(), async (ops) => {
        const status = await ensureTable(ops.table);
        out.result({ table: ops.config.tableName, status, where: ops.where });
      });
    }));
  table.command('describe').description('status, keys, indexes, TTL and size')
    .action(action(program, async (out) => {
      await withTable(program.opts(), async (ops) => {
        const { Table } = await ops.table.doc.send(new DescribeTableCommand({ TableName: ops.config.tableName })).catch((error: Error) => {
          throw new OperationFailed(`table ${ops.config.tableName}: ${error.name === 'ResourceNotFoundException' ? 'does not exist (ops table create)' : error.message}`);
        });
        out.result({
          table: Table?.TableName, status: Table?.TableStatus, items: Table?.ItemCount, bytes: Table?.TableSizeBytes,
          keys: Table?.KeySchema?.map((k) => `${k.AttributeName} (${k.KeyType})`).join(', '),
          localIndexes: Table?.LocalSecondaryIndexes?.map((i) => i.IndexName).join(', '),
          globalIndexes: Table?.GlobalSecondaryIndexes?.map((i) => `${i.IndexName} (${i.IndexStatus})`).join(', '),
          billing: Table?.BillingModeSummary?.BillingMode ?? 'PROVISIONED',
        });
      });
    }));
}
