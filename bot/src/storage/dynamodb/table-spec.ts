/**
 * The one table's shape, as plain data: the bot, the ops CLI and the Pulumi stack all build the
 * table from this, so they cannot drift apart. No SDK import here on purpose.
 */
export const TABLE_SPEC = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Expenses by date within a ledger, readable with strong consistency (hence local, not global). */
  localIndexes: [{ name: 'byDate', sortKey: 'lsi1sk' }],
  /**
   * Sparse: only items that set `kindKey` are in it (a ledger's META item, due schedules), so
   * listing every ledger or the schedules due now never scans the table. Keys only.
   */
  globalIndexes: [{ name: 'byKind', partitionKey: 'kindKey', sortKey: 'kindSort' }],
  ttlAttribute: 'expiresAt',
  billingMode: 'PAY_PER_REQUEST',
} as const;

export const BY_DATE_INDEX = TABLE_SPEC.localIndexes[0].name;
export const BY_KIND_INDEX = TABLE_SPEC.globalIndexes[0].name;

/** Idempotency records outlive any platform's redelivery window (Slack and Telegram retry for minutes). */
export const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 60 * 60;

export function createTableInput(tableName: string) {
  const { partitionKey, sortKey, localIndexes, globalIndexes } = TABLE_SPEC;
  return {
    TableName: tableName,
    BillingMode: TABLE_SPEC.billingMode,
    AttributeDefinitions: [
      { AttributeName: partitionKey, AttributeType: 'S' as const },
      { AttributeName: sortKey, AttributeType: 'S' as const },
      ...localIndexes.map((i) => ({ AttributeName: i.sortKey, AttributeType: 'S' as const })),
      ...globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey].map((a) => ({ AttributeName: a, AttributeType: 'S' as const }))),
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
    GlobalSecondaryIndexes: globalIndexes.map(globalIndexInput),
  };
}

export function globalIndexInput(index: (typeof TABLE_SPEC.globalIndexes)[number]) {
  return {
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'KEYS_ONLY' as const },
  };
}
