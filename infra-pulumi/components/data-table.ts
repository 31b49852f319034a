import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { TABLE_SPEC } from '../../bot/src/storage/dynamodb/table-spec';

export interface DataTableArgs {
  readonly tableName: string;
}

/** The bot's one table, built from the same key, index and TTL definitions the bot creates locally. */
export class DataTable extends pulumi.ComponentResource {
  readonly name: pulumi.Output<string>;
  readonly arn: pulumi.Output<string>;

  constructor(name: string, args: DataTableArgs, opts?: pulumi.ComponentResourceOptions) {
    super('spendwise:data:DataTable', name, {}, opts);
    const attributes = [
      TABLE_SPEC.partitionKey, TABLE_SPEC.sortKey, ...TABLE_SPEC.localIndexes.map((i) => i.sortKey),
      ...TABLE_SPEC.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
    ];
    const table = new aws.dynamodb.Table(`${name}-table`, {
      name: args.tableName,
      billingMode: TABLE_SPEC.billingMode,
      hashKey: TABLE_SPEC.partitionKey,
      rangeKey: TABLE_SPEC.sortKey,
      attributes: attributes.map((attr) => ({ name: attr, type: 'S' })),
      localSecondaryIndexes: TABLE_SPEC.localIndexes.map((i) => ({ name: i.name, rangeKey: i.sortKey, projectionType: 'ALL' })),
      globalSecondaryIndexes: TABLE_SPEC.globalIndexes.map((i) => ({ name: i.name, hashKey: i.partitionKey, rangeKey: i.sortKey, projectionType: 'KEYS_ONLY' })),
      ttl: { attributeName: TABLE_SPEC.ttlAttribute, enabled: true },
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true },
      deletionProtectionEnabled: true,
    }, { parent: this, protect: true });
    this.name = table.name;
    this.arn = table.arn;
    this.registerOutputs({ name: this.name, arn: this.arn });
  }
}
