import { randomBytes } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { cursorNow, LocalMailbox } from '../../channels/local/local-mailbox';
import { fileFromBytes, readFile, Reply, ReplyFile } from '../../core/conversation/reply';
import { DynamoTable } from './dynamodb-tables';
import { localMailboxItemSchema } from './item-schemas';

/** Local chat messages keep for a day. */
const MAILBOX_TTL_SECONDS = 24 * 60 * 60;
/** Files ride along inline up to this size (an item holds 400 KB); bigger ones are named, not sent. */
const MAX_INLINE_FILE_BYTES = 256 * 1024;

type StoredFile = { name: string; mimeType: string; base64?: string };

async function storedFile(file: ReplyFile | undefined): Promise<StoredFile | undefined> {
  if (!file) return undefined;
  if (file.size > MAX_INLINE_FILE_BYTES) return { name: file.name, mimeType: file.mimeType };
  return { name: file.name, mimeType: file.mimeType, base64: (await readFile(file)).toString('base64') };
}

function restoredFile(file: StoredFile | undefined): ReplyFile | undefined {
  return file?.base64 === undefined ? undefined : fileFromBytes(file.name, file.mimeType, Buffer.from(file.base64, 'base64'));
}

/** The local chat's mailbox on the table: `OUT#<conversation>`, one item per reply, sorted by time. */
export function createDynamoLocalMailbox(table: DynamoTable, now: () => Date): LocalMailbox {
  const pk = (conversation: string) => `OUT#${conversation}`;
  return {
    async put(conversation, replies) {
      const at = now();
      for (const [i, reply] of replies.entries()) {
        // Same millisecond, several replies: the index and a random tail keep them apart and in order.
        const sk = `${cursorNow(at)}_${String(i).padStart(3, '0')}_${randomBytes(4).toString('hex')}`;
        await table.doc.send(new PutCommand({
          TableName: table.tableName,
          Item: {
            pk: pk(conversation), sk, type: 'LocalMessage',
            reply: JSON.stringify({ ...reply, image: await storedFile(reply.image), file: await storedFile(reply.file) }),
            expiresAt: Math.floor(at.getTime() / 1000) + MAILBOX_TTL_SECONDS,
          },
        }));
      }
    },
    async after(conversation, cursor, limit) {
      const out = await table.doc.send(new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk AND sk > :after',
        ExpressionAttributeValues: { ':pk': pk(conversation), ':after': cursor },
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
