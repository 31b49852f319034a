import { createHmac, randomBytes } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CounterKey, WriteCounters } from '../../core/limits/write-counters.port';
import { DynamoTable } from './dynamodb-tables';
import { keys } from './item-keys';

const DAY_SECONDS = 24 * 60 * 60;
/** A counter outlives its window a little: TTL is only the sweep, reads never look at it. */
const COUNT_KEPT_SECONDS = 60 * 60;

const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Write counts shared by every task, one item per subject and window, added to atomically.
 *
 * No item holds a platform identity: a subject ("person:telegram:42") is stored as an HMAC under a
 * secret drawn at random for each UTC day and kept in the table only until the day after (TTL).
 * A plain hash would not do (Telegram ids are small numbers, easy to try one by one); with the day's
 * secret gone, nothing left links a count to a person, so "forget me" has nothing to find here.
 */
export function createDynamoWriteCounters(table: DynamoTable): WriteCounters {
  const { doc, tableName } = table;
  const secrets = new Map<string, Promise<Buffer>>();

  async function loadSecret(day: string): Promise<Buffer> {
    const Key = { pk: keys.writeCountsKey(day), sk: 'KEY' };
    const read = async () => (await doc.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }))).Item?.secret as string | undefined;
    const found = await read();
    if (found) return Buffer.from(found, 'base64');
    try {
      const secret = randomBytes(32);
      const expiresAt = epochSeconds(new Date(`${day}T00:00:00Z`)) + 2 * DAY_SECONDS;
      await doc.send(new PutCommand({
        TableName: tableName,
        Item: { ...Key, type: 'WriteCountsKey', secret: secret.toString('base64'), expiresAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
      return secret;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // Another task drew the day's secret first: use theirs.
      return Buffer.from((await read())!, 'base64');
    }
  }

  /** Each day's secret is read (or drawn) once per task; a failed read is tried again next time. */
  function secretFor(day: string): Promise<Buffer> {
    let secret = secrets.get(day);
    if (!secret) {
      for (const old of secrets.keys()) if (old < day) secrets.delete(old);
      secret = loadSecret(day);
      secrets.set(day, secret);
      secret.catch(() => secrets.delete(day));
    }
    return secret;
  }

  async function addTo({ subject, window }: CounterKey, by: 1 | -1): Promise<number> {
    const secret = await secretFor(dayOf(window.start));
    const hash = createHmac('sha256', secret).update(subject).digest('base64url');
    const out = await doc.send(new UpdateCommand({
      TableName: tableName,
      Key: { pk: keys.writeCounts(hash), sk: keys.writeCount(window.kind, window.start) },
      UpdateExpression: 'ADD #count :by SET #type = :type, expiresAt = :expiresAt',
      ExpressionAttributeNames: { '#count': 'count', '#type': 'type' },
      ExpressionAttributeValues: { ':by': by, ':type': 'WriteCount', ':expiresAt': epochSeconds(window.end) + COUNT_KEPT_SECONDS },
      ReturnValues: 'UPDATED_NEW',
    }));
    return Number(out.Attributes?.count);
  }

  return {
    add: (counters) => Promise.all(counters.map((c) => addTo(c, 1))),
    takeBack: async (counters) => {
      await Promise.all(counters.map((c) => addTo(c, -1)));
    },
  };
}
