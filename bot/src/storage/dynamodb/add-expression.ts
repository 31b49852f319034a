import { ReadModelChange } from './projections';

/**
 * An `add` change as an UpdateItem's expression: ADD each field, SET the item's type (and `set`,
 * name to value, beside it). The transaction and the indexes both write sums this way.
 */
export function addExpression(change: Extract<ReadModelChange, { kind: 'add' }>, set: Readonly<Record<string, unknown>> = {}) {
  const fields = Object.entries(change.fields);
  const sets = Object.entries({ type: change.type, ...set });
  return {
    UpdateExpression: `ADD ${fields.map((_, i) => `#f${i} :f${i}`).join(', ')} SET ${sets.map((_, i) => `#s${i} = :s${i}`).join(', ')}`,
    ExpressionAttributeNames: {
      ...Object.fromEntries(fields.map(([name], i) => [`#f${i}`, name])),
      ...Object.fromEntries(sets.map(([name], i) => [`#s${i}`, name])),
    },
    ExpressionAttributeValues: {
      ...Object.fromEntries(fields.map(([, value], i) => [`:f${i}`, value])),
      ...Object.fromEntries(sets.map(([, value], i) => [`:s${i}`, value])),
    },
  };
}
