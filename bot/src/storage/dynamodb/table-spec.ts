/**
 * The one table's shape, as plain data: the bot, the ops CLI and the Pulumi stack all build the
 * table from this, so they cannot drift apart. No SDK import here on purpose.
 */
export const TABLE_SPEC = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Expenses by date within a ledger, readable with strong consistency (hence local, not global). */
  localIndexes: [{ name: 'byDate', sortKey: 'lsi1sk' }],
  ttlAttribute: 'expiresAt',
  billingMode: 'PAY_PER_REQUEST',
} as const;

export const BY_DATE_INDEX = TABLE_SPEC.localIndexes[0].name;

/** Idempotency records outlive any platform's redelivery window (Slack and Telegram retry for minutes). */
export const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 60 * 60;

export function createTableInput(tableName: string) {
  const { partitionKey, sortKey, localIndexes } = TABLE_SPEC;
  return {
    TableName: tableName,
    BillingMode: TABLE_SPEC.billingMode,
    AttributeDefinitions: [
      { AttributeName: partitionKey, AttributeType: 'S' as const },
      { AttributeName: sortKey, AttributeType: 'S' as const },
      ...localIndexes.map((i) => ({ AttributeName: i.sortKey, AttributeType: 'S' as const })),
    ],
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' as const },
      { AttributeName: sortKey, KeyType: 'RANGE' as const },
    ],
    LocalSecondaryIndexes: localIndexes.map((i) => ({
      IndexName: i.name,
      KeySchema: [
        { AttributeName: partitionKey, KeyType: 'HASH' as const },
        { AttributeName: i.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}
