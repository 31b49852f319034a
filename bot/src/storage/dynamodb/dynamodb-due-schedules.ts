import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LocalDate } from '../../core/calendar/local-date';
import { isLedgerId, LedgerId } from '../../core/ledger/ledger-id';
import { DueRun, DueSchedules } from '../../core/ports/due-schedules.port';
import { DynamoTable } from './dynamodb-tables';
import { keys, RANGE_END } from './item-keys';
import { queryItems } from './ledger-catalog';
import { BY_KIND_INDEX } from './table-spec';

const SHARDS = '0123456789abcdef'.split('');

/** A schedule's due entry: in its ledger's partition (forgetting the ledger takes it), listed in the sparse index. */
export function dueItem(ledger: LedgerId, schedule: string, occurrence: LocalDate, dueAt: string) {
  return {
    pk: keys.ledger(ledger), sk: keys.due(schedule), type: 'ScheduleDue',
    kindKey: keys.dueListing(ledger), kindSort: keys.dueSort(dueAt, ledger, schedule, occurrence),
  };
}

function fromSort(kindSort: string): DueRun | undefined {
  const [dueAt, ledger, schedule, occurrence] = kindSort.split('|');
  if (!dueAt || !ledger || !isLedgerId(ledger) || !schedule || !/^\d{4}-\d{2}-\d{2}$/.test(occurrence ?? '')) return undefined;
  return { ledger, schedule, occurrence: occurrence as LocalDate, dueAt };
}

/**
 * What is due, read from the sparse `byKind` index (keys only: the sort key says it all), and
 * claimed on the base item. A claim moves the entry's time to the end of the claim, so it leaves
 * "due now" for everyone at once, and comes back by itself if the run never finishes.
 */
export function createDynamoDueSchedules(table: DynamoTable): DueSchedules {
  /** Moves the entry's instant if it still stands where it was seen; a new claim also counts an attempt (reset by the next occurrence's entry). */
  async function moveClaim(run: DueRun, until: Date, attempt: boolean): Promise<Record<string, unknown> | undefined> {
    try {
      const out = await table.doc.send(new UpdateCommand({
        TableName: table.tableName,
        Key: { pk: keys.ledger(run.ledger), sk: keys.due(run.schedule) },
        UpdateExpression: attempt ? 'SET kindSort = :claimed ADD claims :one' : 'SET kindSort = :claimed',
        ConditionExpression: 'kindSort = :seen',
        ExpressionAttributeValues: {
          ':seen': keys.dueSort(run.dueAt, run.ledger, run.schedule, run.occurrence),
          ':claimed': keys.dueSort(until.toISOString(), run.ledger, run.schedule, run.occurrence),
          ...(attempt ? { ':one': 1 } : {}),
        },
        ReturnValues: 'UPDATED_NEW',
      }));
      return out.Attributes ?? {};
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
      throw error;
    }
  }

  return {
    async due(now, limit) {
      const upTo = `${now.toISOString()}|${RANGE_END}`;
      const perShard = await Promise.all(SHARDS.map(async (shard) => {
        const runs: DueRun[] = [];
        for await (const item of queryItems(table, {
          IndexName: BY_KIND_INDEX,
          KeyConditionExpression: 'kindKey = :k AND kindSort <= :upTo',
          ExpressionAttributeValues: { ':k': keys.dueListing(`lg_${shard}` as LedgerId), ':upTo': upTo },
          Limit: limit,
        })) {
          const run = fromSort(String(item.kindSort));
          if (run) runs.push(run);
          if (runs.length >= limit) break;
        }
        return runs;
      }));
      return perShard.flat().sort((a, b) => a.dueAt.localeCompare(b.dueAt)).slice(0, limit);
    },
    async claim(run, until) {
      const out = await moveClaim(run, until, true);
      return out ? Number(out.claims) : undefined;
    },
    async postpone(claimed, until) {
      return (await moveClaim(claimed, until, false)) !== undefined;
    },
  };
}
