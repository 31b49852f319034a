import { itemSize } from './capacity';
import { WireCall, WireItem } from './wire-recorder';

/** The DynamoDB calls one add makes, as counts and sizes: what the same-shape floor replays. */
export interface AddShape {
  readonly steps: readonly (
    | { kind: 'read'; operation: string; keys: number; sizes: number[]; consistent: boolean }
    | { kind: 'transact'; items: { kind: string; bytes: number }[] }
    | { kind: 'write'; operation: string; bytes: number }
  )[];
}

/** The shape of the calls an add made (successful calls only, in the order sent). */
export function shapeOf(calls: readonly WireCall[]): AddShape {
  const steps: AddShape['steps'][number][] = [];
  for (const call of calls) {
    if (call.error || !call.output) continue;
    const { operation, input, output } = call;
    if (/^(GetItem|BatchGetItem|Query|Scan|TransactGetItems)$/.test(operation)) {
      const returned: WireItem[] = output.Item ? [output.Item] : output.Items ?? Object.values(output.Responses ?? {}).flat().map((r: any) => r.Item ?? r);
      const asked = operation === 'BatchGetItem'
        ? Object.values(input.RequestItems as Record<string, { Keys: unknown[] }>).reduce((n, r) => n + r.Keys.length, 0)
        : operation === 'TransactGetItems' ? (input.TransactItems as unknown[]).length : Math.max(1, returned.length);
      const consistent = operation === 'BatchGetItem'
        ? Object.values(input.RequestItems as Record<string, { ConsistentRead?: boolean }>).every((r) => r.ConsistentRead)
        : Boolean(input.ConsistentRead) || operation === 'TransactGetItems';
      steps.push({ kind: 'read', operation, keys: asked, sizes: returned.filter(Boolean).map(itemSize), consistent });
    } else if (operation === 'TransactWriteItems') {
      steps.push({
        kind: 'transact',
        items: (input.TransactItems as Record<string, any>[]).map((t) => {
          const [kind, body] = Object.entries(t)[0] as [string, Record<string, any>];
          // A Put's item; for the others, what the request carries (the key and the values it sets).
          return { kind, bytes: itemSize(body.Item ?? { ...body.Key, ...body.ExpressionAttributeValues }) };
        }),
      });
    } else if (/^(PutItem|UpdateItem|DeleteItem|BatchWriteItem)$/.test(operation)) {
      steps.push({ kind: 'write', operation, bytes: itemSize(input.Item ?? { ...input.Key, ...input.ExpressionAttributeValues }) });
    }
  }
  return { steps };
}

/** One line per step: "BatchGetItem 2 keys (160 B)", "TransactWriteItems 7 items (Put 410 B, ...)". */
export function describeShape(shape: AddShape): string[] {
  return shape.steps.map((s) =>
    s.kind === 'read' ? `${s.operation} of ${s.keys} key(s), ${s.sizes.length} found (${s.sizes.map((b) => `${b} B`).join(', ') || 'none'})${s.consistent ? ', strongly consistent' : ''}`
      : s.kind === 'transact' ? `TransactWriteItems of ${s.items.length} items (${s.items.map((i) => `${i.kind} ${i.bytes} B`).join(', ')})`
        : `${s.operation} (${s.bytes} B)`);
}

/** A plain item of about `bytes` by DynamoDB's size rules: its keys and a filler string. */
export function paddedItem(pk: string, sk: string, bytes: number): Record<string, string> {
  const keys = 2 + Buffer.byteLength(pk) + 2 + Buffer.byteLength(sk);
  return { pk, sk, pad: 'x'.repeat(Math.max(1, bytes - keys - 3)) };
}
