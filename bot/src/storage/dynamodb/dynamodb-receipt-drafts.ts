import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { LedgerId, MemberId } from '../../core/ledger/ledger-id';
import { FILE_READING_LEASE_SECONDS, FileClaim, RECEIPT_DRAFT_TTL_SECONDS, ReceiptDraft, ReceiptDrafts } from '../../core/receipts/receipt-store.port';
import { DynamoTable } from './dynamodb-tables';
import { keys } from './item-keys';
import { queryItems } from './ledger-catalog';

const money = z.object({ minor: z.number().int(), currency: z.string() });
const read = <T extends z.ZodTypeAny>(value: T) => z.object({ value, sure: z.boolean() });
const draftSchema = z.object({
  receipt: z.string(),
  member: z.string(),
  mimeType: z.enum(['image/jpeg', 'image/png']),
  reading: z.object({
    merchant: read(z.string()).optional(),
    total: read(money).extend({ from: z.enum(['total', 'amountPaid', 'amountDue', 'subtotal+tax', 'items']) }).optional(),
    date: read(z.string()).optional(),
    currency: z.object({ code: z.string(), fromReceipt: z.boolean() }),
    tax: money.optional(),
    items: z.array(z.object({ description: z.string(), amount: money })),
  }),
  note: z.string().optional(),
  category: z.string().optional(),
  createdAt: z.string(),
});

const toDraft = (item: Record<string, unknown>) => draftSchema.parse(JSON.parse(String(item.draft))) as unknown as ReceiptDraft;

/** Drafts as items of the ledger's partition (`RDRAFT#<receipt>`), the whole draft as JSON. */
export function createDynamoReceiptDrafts(table: DynamoTable, now: () => Date): ReceiptDrafts {
  const { doc, tableName } = table;
  return {
    async save(ledger, draft) {
      await doc.send(new PutCommand({
        TableName: tableName,
        Item: {
          pk: keys.ledger(ledger), sk: keys.receiptDraft(draft.receipt), type: 'ReceiptDraft', member: draft.member,
          waiting: !draft.reading.total, createdAt: draft.createdAt, draft: JSON.stringify(draft),
          expiresAt: Math.floor(now().getTime() / 1000) + RECEIPT_DRAFT_TTL_SECONDS,
        },
      }));
    },
    async get(ledger, receipt) {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: { pk: keys.ledger(ledger), sk: keys.receiptDraft(receipt) }, ConsistentRead: true }));
      return out.Item && Number(out.Item.expiresAt) > now().getTime() / 1000 ? toDraft(out.Item) : undefined;
    },
    async waitingForAmount(ledger: LedgerId, member: MemberId) {
      let latest: Record<string, unknown> | undefined;
      for await (const item of queryItems(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        FilterExpression: '#member = :member AND waiting = :yes AND expiresAt > :now',
        ExpressionAttributeNames: { '#member': 'member' },
        ExpressionAttributeValues: { ':pk': keys.ledger(ledger), ':prefix': keys.receiptDraftPrefix, ':member': member, ':yes': true, ':now': Math.floor(now().getTime() / 1000) },
        ConsistentRead: true,
      })) {
        if (!latest || String(item.createdAt) > String(latest.createdAt)) latest = item;
      }
      return latest ? toDraft(latest) : undefined;
    },
    async claimFile(ledger, file, delivery): Promise<FileClaim> {
      const seconds = Math.floor(now().getTime() / 1000);
      const Key = { pk: keys.ledger(ledger), sk: keys.receiptFile(file) };
      try {
        // Taken when new, expired, or still unread past its lease (the task reading it stopped).
        await doc.send(new PutCommand({
          TableName: tableName,
          Item: { ...Key, type: 'ReceiptFile', delivery, leaseUntil: seconds + FILE_READING_LEASE_SECONDS, expiresAt: seconds + RECEIPT_DRAFT_TTL_SECONDS },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now OR (attribute_not_exists(receipt) AND leaseUntil <= :now)',
          ExpressionAttributeValues: { ':now': seconds },
        }));
        return { kind: 'first' };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      const out = await doc.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }));
      const receipt = out.Item?.receipt as string | null | undefined;
      return { kind: 'claimed', ...(receipt !== undefined ? { receipt } : {}), sameDelivery: out.Item?.delivery === delivery };
    },
    async fileRead(ledger, file, receipt) {
      await doc.send(new UpdateCommand({
        TableName: tableName,
        Key: { pk: keys.ledger(ledger), sk: keys.receiptFile(file) },
        UpdateExpression: 'SET receipt = :receipt',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':receipt': receipt },
      })).catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
    },
    async remove(ledger, receipt) {
      await doc.send(new DeleteCommand({ TableName: tableName, Key: { pk: keys.ledger(ledger), sk: keys.receiptDraft(receipt) } }));
    },
  };
}
