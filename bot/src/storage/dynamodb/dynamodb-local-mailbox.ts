import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { LocalMailbox, mailboxCursor } from '../../channels/local/local-mailbox';
import { fileFromBytes, readFile, Reply, ReplyFile } from '../../core/conversation/reply';
import { DynamoTable } from './dynamodb-tables';
import { localMailboxItemSchema } from './item-schemas';

/** Local chat messages keep for a day. */
const MAILBOX_TTL_SECONDS = 24 * 60 * 60;
/** Files ride along inline up to this size, so a reply with a chart and a file stays under 400 KB. */
const MAX_INLINE_FILE_BYTES = 128 * 1024;

type StoredFile = { name: string; mimeType: string; base64?: string };

async function storedFile(file: ReplyFile | undefined): Promise<StoredFile | undefined> {
  if (!file) return undefined;
  if (file.size > MAX_INLINE_FILE_BYTES) return { name: file.name, mimeType: file.mimeType };
  return { name: file.name, mimeType: file.mimeType, base64: (await readFile(file)).toString('base64') };
}

function restoredFile(file: StoredFile | undefined): ReplyFile | undefined {
  return file?.base64 === undefined ? undefined : fileFromBytes(file.name, file.mimeType, Buffer.from(file.base64, 'base64'));
}

/**
 * The local chat's mailbox on the table: `OUT#<conversation>`. Each reply takes the next number of
 * the conversation's counter in the same transaction that writes it, on the condition that the
 * counter has not moved: replies become visible strictly in order, so a reader moving forward with
 * `sk > cursor` never skips one, whichever process wrote it and whatever its clock said.
 */
export function createDynamoLocalMailbox(table: DynamoTable, now: () => Date): LocalMailbox {
  const pk = (conversation: string) => `OUT#${conversation}`;
  const COUNTER = 'SEQ';
  async function counter(conversation: string): Promise<number> {
    const out = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: { pk: pk(conversation), sk: COUNTER }, ConsistentRead: true }));
    return Number(out.Item?.n ?? 0);
  }
  return {
    async put(conversation, replies) {
      for (const reply of replies) {
        const body = JSON.stringify({ ...reply, image: await storedFile(reply.image), file: await storedFile(reply.file) });
        for (let attempt = 1; ; attempt += 1) {
          const current = await counter(conversation);
          const expiresAt = Math.floor(now().getTime() / 1000) + MAILBOX_TTL_SECONDS;
          try {
            await table.doc.send(new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: table.tableName,
                    Item: { pk: pk(conversation), sk: COUNTER, type: 'LocalMailboxCounter', n: current + 1 },
                    ConditionExpression: current === 0 ? 'attribute_not_exists(pk)' : 'n = :n',
                    ...(current === 0 ? {} : { ExpressionAttributeValues: { ':n': current } }),
                  },
                },
                { Put: { TableName: table.tableName, Item: { pk: pk(conversation), sk: mailboxCursor(current + 1), type: 'LocalMessage', reply: body, expiresAt } } },
              ],
            }));
            break;
          } catch (error) {
            if (!(error instanceof TransactionCanceledException) || attempt >= 50) throw error;
            await new Promise((r) => setTimeout(r, Math.random() * 20));
          }
        }
      }
    },
    async latest(conversation) {
      return mailboxCursor(await counter(conversation));
    },
    async after(conversation, cursor, limit) {
      const out = await table.doc.send(new QueryCommand({
        TableName: table.tableName,
        // Message cursors are digits; the counter item's sk sorts after them and is left out.
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :after AND :last',
        ExpressionAttributeValues: { ':pk': pk(conversation), ':after': `${cursor}_`, ':last': mailboxCursor(Number.MAX_SAFE_INTEGER) },
        ConsistentRead: true,
        Limit: limit,
      }));
      return (out.Items ?? []).map((raw) => {
        const item = localMailboxItemSchema.parse(raw);
        const { image, file, ...rest } = JSON.parse(item.reply) as Reply & { image?: StoredFile; file?: StoredFile };
        const [restoredImage, restoredAttachment] = [restoredFile(image), restoredFile(file)];
        const reply: Reply = { ...rest, ...(restoredImage ? { image: restoredImage } : {}), ...(restoredAttachment ? { file: restoredAttachment } : {}) };
        return { cursor: item.sk, reply };
      });
    },
  };
}
