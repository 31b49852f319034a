import { CoreDeps } from '../core-deps';
import { code, formatted, item, line } from '../conversation/formatted-text';
import { Reply } from '../conversation/reply';
import { actions } from '../conversation/actions';
import { Turn } from '../conversation/turn';
import { ExpenseText, LineReading, readExpenseLine } from '../grammar/parse-expense-text';
import { isUserError } from '../user-error';
import { Phrases, phrasesFor } from '../presentation/phrases';
import { CommandResult, writeKey } from './command';
import { grammarOf, pendingIdOf, writeExpenses } from './record-expense';

/** Why a line of several is not recorded as it stands; undefined when it is a sure expense. */
function problemOf(reading: LineReading, said: Phrases['lines']['problem']): string | undefined {
  if (isUserError(reading)) return reading.message;
  if (reading.kind === 'notExpense') return said.noAmount;
  if (reading.kind === 'choose') return said.several;
  return reading.doubt ? said[reading.doubt] : undefined;
}

/**
 * Several expenses, one per line, recorded together: one write, one reply, one Undo for all. When
 * a line is wrong or doubtful, nothing is written: the reply says which lines, and one button
 * records the others, exactly as they were read.
 */
export async function recordLines(lines: readonly string[], turn: Turn, deps: CoreDeps): Promise<CommandResult> {
  const key = writeKey(turn);
  const pendingId = pendingIdOf(key.idempotencyKey);
  let good: ExpenseText[] | undefined;
  const result = await writeExpenses(turn, deps, key.idempotencyKey, lines, (settings, now) => {
    const readings = lines.map((l) => readExpenseLine(l, grammarOf(settings, now)));
    const phrases = phrasesFor(settings.locale).lines;
    const problems = readings.flatMap((reading, i) => {
      const problem = problemOf(reading, phrases.problem);
      return problem ? [{ number: i + 1, text: lines[i]!, why: problem }] : [];
    });
    const sure = readings.flatMap((r) => (!isUserError(r) && r.kind === 'expense' && !r.doubt ? [r.expense] : []));
    if (problems.length === 0) return { record: sure };
    good = sure;
    return { replies: [problemsReply(problems, sure.length, pendingId, phrases)] };
  });
  if (good?.length && !isUserError(result)) {
    await deps.pendingLines.save(turn.ledger, pendingId, { member: turn.member, createdAt: deps.clock.now().toISOString(), key: key.idempotencyKey, readings: good, all: true });
  }
  return result;
}

function problemsReply(problems: readonly { number: number; text: string; why: string }[], goodCount: number, id: string, said: Phrases['lines']): Reply {
  return {
    text: formatted(
      line(said.needLook(problems.length)),
      ...problems.map((p) => item(said.lineNumber(p.number), code(p.text), `: ${p.why}`)),
      line(goodCount > 0 ? said.sendThoseRecordOthers : said.sendAgain),
    ),
    ...(goodCount > 0 ? { choices: [[{ label: said.recordOthers(goodCount), action: actions.pendingChoice(id, 0) }, { label: said.cancel, action: actions.pendingNone(id) }]] } : {}),
  };
}
