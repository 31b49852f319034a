import { Turn } from '../conversation/turn';
import { Expense, formatRef } from '../ledger/expense';
import { UserError, userError } from '../user-error';

/**
 * In a group ledger only the person who recorded an expense may undo, edit or delete it; anyone
 * else is told privately and nothing changes. In a personal ledger every expense is the owner's.
 */
export function refuseUnlessRecordedBy(turn: Turn, expense: Expense): UserError | undefined {
  if (turn.scope !== 'group' || expense.recordedBy === turn.member) return undefined;
  return {
    ...userError('expense.notYours', `Only the person who recorded ${formatRef(expense.ref)} can change or delete it.`, 'undo (removes your own last expense)'),
    audience: 'sender',
  };
}
