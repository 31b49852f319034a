import { WireCall, WireItem, WireValue } from './wire-recorder';

/**
 * DynamoDB on-demand billing, computed from the requests as sent, by AWS's published rules
 * (developer guide: "Item sizes and formats", "Read/write capacity unit consumption", "Transactions"):
 *  - an item's size is the sum of its attribute names' UTF-8 lengths and its values' sizes;
 *  - a write bills 1 unit per 1 KB (rounded up per item) of the larger of the item before and after it
 *    (a delete: the item deleted); in a transaction every item bills twice;
 *  - a read bills 1 unit per 4 KB, strongly consistent (half eventually consistent; twice in a
 *    transaction): GetItem and BatchGetItem round each item up on its own (a missing item still
 *    bills one read), Query and Scan round up the total of every item they evaluated (before any
 *    filter, whatever the projection) once per request, never less than one read;
 *  - an index's entry is written when the item enters, leaves or changes in it (a key change is a
 *    delete and a put); an entry's size is the table's keys, the index's keys and its projection.
 */

const KB = 1024;

/** The size of one attribute value, by DynamoDB's rules. */
export function valueSize(value: WireValue): number {
  const [type, v] = Object.entries(value)[0] ?? ['NULL', true];
  switch (type) {
    case 'S': return utf8(v as string);
    case 'N': return numberSize(v as string);
    case 'B': return Buffer.from(v as string, 'base64').length;
    case 'BOOL':
    case 'NULL': return 1;
    case 'SS': return (v as string[]).reduce((n, s) => n + utf8(s), 0);
    case 'NS': return (v as string[]).reduce((n, s) => n + numberSize(s), 0);
    case 'BS': return (v as string[]).reduce((n, s) => n + Buffer.from(s, 'base64').length, 0);
    // 3 bytes for the container, 1 byte for each element.
    case 'L': return 3 + (v as WireValue[]).reduce((n, e) => n + 1 + valueSize(e), 0);
    case 'M': return 3 + Object.entries(v as WireItem).reduce((n, [k, e]) => n + 1 + utf8(k) + valueSize(e), 0);
    default: throw new Error(`unknown DynamoDB type ${type}`);
  }
}

/** An item's size: every attribute's name and value. */
export function itemSize(item: WireItem | undefined): number {
  if (!item) return 0;
  return Object.entries(item).reduce((n, [name, value]) => n + utf8(name) + valueSize(value), 0);
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** Numbers: about one byte per two significant digits, plus one (leading and trailing zeros trimmed). */
function numberSize(n: string): number {
  const digits = n.replace(/^-/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1 + (n.startsWith('-') ? 1 : 0);
}

export const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / KB));
export const readUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / (4 * KB)));

/** What the bench needs to know of the table: its keys and its indexes (from DescribeTable). */
export interface TableShape {
  readonly keys: readonly string[];
  readonly indexes: readonly { name: string; keys: readonly string[]; projection: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; include?: readonly string[] }[];
}

/** The entry `item` has in `index`, or undefined when the item is not in it (sparse indexes). */
function indexEntry(shape: TableShape, index: TableShape['indexes'][number], item: WireItem | undefined): WireItem | undefined {
  if (!item || index.keys.some((k) => item[k] === undefined)) return undefined;
  if (index.projection === 'ALL') return item;
  const kept = new Set([...shape.keys, ...index.keys, ...(index.include ?? [])]);
  return Object.fromEntries(Object.entries(item).filter(([k]) => kept.has(k)));
}

/** One item written: its images before and after (undefined where absent). */
export interface WrittenItem {
  readonly kind: 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
  readonly before: WireItem | undefined;
  readonly after: WireItem | undefined;
}

export interface RequestCost {
  readonly operation: string;
  /** Units billed on the table itself. */
  readonly tableWrite: number;
  readonly tableRead: number;
  /** Units billed for keeping secondary indexes (writes) or reading them (queries on an index). */
  readonly indexWrite: number;
  /** How many items the request wrote or checked, and their sizes in bytes (the larger image). */
  readonly items: readonly { kind: string; bytes: number }[];
}

/** The write units of one written item, on the table and on each index. */
function writeCost(shape: TableShape, item: WrittenItem, transactional: boolean): { table: number; index: number; bytes: number } {
  const bytes = Math.max(itemSize(item.before), itemSize(item.after));
  const factor = transactional ? 2 : 1;
  let index = 0;
  if (item.kind !== 'ConditionCheck') {
    for (const ix of shape.indexes) {
      const was = indexEntry(shape, ix, item.before);
      const is = indexEntry(shape, ix, item.after);
      const keyChanged = was && is && ix.keys.some((k) => JSON.stringify(was[k]) !== JSON.stringify(is[k]));
      if (keyChanged) index += writeUnits(itemSize(was)) + writeUnits(itemSize(is));
      else if (was && !is) index += writeUnits(itemSize(was));
      else if (is && JSON.stringify(was) !== JSON.stringify(is)) index += writeUnits(itemSize(is));
    }
  }
  return { table: factor * writeUnits(bytes), index, bytes };
}

/** What one recorded request bills. Failed requests bill nothing here (they are counted apart). */
export function costOf(shape: TableShape, call: WireCall): RequestCost {
  const none = { operation: call.operation, tableWrite: 0, tableRead: 0, indexWrite: 0, items: [] };
  if (call.error || !call.output) return none;
  const written = call.after as WrittenItem[] | undefined;
  if (written && /^(PutItem|UpdateItem|DeleteItem|BatchWriteItem|TransactWriteItems)$/.test(call.operation)) {
    const transactional = call.operation === 'TransactWriteItems';
    const costs = written.map((item) => ({ kind: item.kind, ...writeCost(shape, item, transactional) }));
    return {
      ...none,
      tableWrite: costs.reduce((n, c) => n + c.table, 0),
      indexWrite: costs.reduce((n, c) => n + c.index, 0),
      items: costs.map((c) => ({ kind: c.kind, bytes: c.bytes })),
    };
  }
  const read = call.after as ReadItems | undefined;
  if (read) {
    const consistentFactor = read.consistent ? 1 : 0.5;
    const units = read.perItem
      ? read.sizes.reduce((n, bytes) => n + readUnits(bytes), 0) + read.missing
      : readUnits(read.sizes.reduce((n, b) => n + b, 0));
    const factor = call.operation === 'TransactGetItems' ? 2 : consistentFactor;
    return { ...none, tableRead: units * factor, items: read.sizes.map((bytes) => ({ kind: 'read', bytes })) };
  }
  return none;
}

/** What a read evaluated: full sizes, per item (Get, BatchGet) or per request (Query, Scan). */
export interface ReadItems {
  readonly perItem: boolean;
  readonly consistent: boolean;
  readonly sizes: readonly number[];
  /** Keys asked for that were not there (each still bills one read). */
  readonly missing: number;
}

/** The sum of several requests' costs, with how many requests and failures. */
export interface CostTotal {
  requests: number;
  reads: number;
  writes: number;
  failed: number;
  tableWrite: number;
  indexWrite: number;
  /** Table and index units of the TransactWriteItems among them (the ledger's own transaction). */
  transactionWrite: number;
  tableRead: number;
  /** What DynamoDB Local itself said it consumed (ReturnConsumedCapacity), for comparison. */
  localSaid: number;
}

export function totalCost(shape: TableShape, calls: readonly WireCall[]): CostTotal {
  const total: CostTotal = { requests: 0, reads: 0, writes: 0, failed: 0, tableWrite: 0, indexWrite: 0, transactionWrite: 0, tableRead: 0, localSaid: 0 };
  for (const call of calls) {
    if (!/^(GetItem|BatchGetItem|Query|Scan|TransactGetItems|PutItem|UpdateItem|DeleteItem|BatchWriteItem|TransactWriteItems)$/.test(call.operation)) continue;
    total.requests += 1;
    if (call.error) total.failed += 1;
    if (/Write|Put|Update|Delete/.test(call.operation)) total.writes += 1;
    else total.reads += 1;
    const cost = costOf(shape, call);
    total.tableWrite += cost.tableWrite;
    total.indexWrite += cost.indexWrite;
    if (call.operation === 'TransactWriteItems') total.transactionWrite += cost.tableWrite + cost.indexWrite;
    total.tableRead += cost.tableRead;
    const said = call.output?.ConsumedCapacity as { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;
    total.localSaid += [said ?? []].flat().reduce((n, c) => n + (c.CapacityUnits ?? 0), 0);
  }
  return total;
}
