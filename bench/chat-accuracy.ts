/**
 * How well the bot reads chat as people type it: every line of bench/corpus/chat-lines.json goes through
 * the core's one entry point (handleMessage, on in-memory ports) in a fresh ledger set up as the entry
 * says, and what the ledger holds afterwards is compared with the expected reading. Prints the accuracy
 * table per locale. Run alone: `npx tsx bench/chat-accuracy.ts [--corpus <file>] [--details]`; `--corpus`
 * scores another file of the same schema (bench/corpus/chat-lines-unseen.json: lines written apart from the
 * grammar, so they measure lines the bot has never seen).
 */
import { relative } from 'node:path';
import { LocalDate } from '../bot/src/core/calendar/local-date';
import { Reply } from '../bot/src/core/conversation/reply';
import { chat, ledgerOf, textOf } from '../test/support/chat';
import { fixedClock, inMemoryCore } from '../test/support/in-memory-core';
import { CHAT_CORPUS_FILE, CorpusEntry, loadChatCorpus } from './corpus/chat-corpus';
import { accuracyTable, BotReading, isSilentlyWrong, misses, scoreReadings } from './corpus/score-readings';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Sends one corpus line to the bot, as the entry's person in a new ledger, and reads what it did. */
async function readThroughBot(entry: CorpusEntry, index: number, today: LocalDate): Promise<BotReading> {
  // Mid-morning UTC is the same calendar day from UTC-10 to UTC+13, whatever zone a ledger ends up in.
  const { deps, store, errors } = inMemoryCore(fixedClock(`${today}T10:00:00Z`));
  const user = `corpus-${index}`;
  const person = chat(deps, user, { hints: { locale: entry.ledger.locale } });
  try {
    const setup = [`currency ${entry.ledger.currency}`, `dates ${entry.ledger.dateOrder}`];
    for (const command of setup) {
      const reply = await person.say(command);
      if (errors.length > 0) throw new Error(`setting up the ledger with "${command}" failed: ${reply}`);
    }
    const replies: Reply[] = await person.sendText(entry.text);
    if (errors.length > 0) return { kind: 'crashed', error: textOf(replies) };
    const recorded = await store.expenses.latestRecorded((await ledgerOf(deps, user)).ledger);
    if (recorded) {
      return {
        kind: 'recorded', amountMinor: recorded.amount.minor, currency: recorded.amount.currency,
        date: recorded.date, description: recorded.description, category: recorded.category,
      };
    }
    // Nothing written: a reply offering choices (Confirm / Change, the candidate amounts) is a question.
    return replies.some((r) => (r.choices?.flat().length ?? 0) > 0) ? { kind: 'asked' } : { kind: 'refused' };
  } catch (error) {
    return { kind: 'crashed', error: errorText(error) };
  }
}

const describe = (reading: BotReading) =>
  reading.kind === 'recorded'
    ? `recorded ${reading.amountMinor} ${reading.currency} ${reading.date} "${reading.description}" ${reading.category}`
    : reading.kind === 'crashed' ? `crashed: ${reading.error}` : reading.kind;

const expectedText = (entry: CorpusEntry) =>
  entry.expected.kind === 'expense'
    ? `${entry.expected.amountMinor} ${entry.expected.currency} ${entry.expected.date} "${entry.expected.description}" ${entry.expected.category ?? 'other'}`
    : entry.expected.kind;

export async function benchChatAccuracy(options: { details?: boolean; corpusFile?: string } = {}): Promise<void> {
  const corpusFile = options.corpusFile ?? CHAT_CORPUS_FILE;
  const corpus = loadChatCorpus(corpusFile);
  const today = corpus.today as LocalDate;
  const judged = [];
  for (const [index, entry] of corpus.entries.entries()) {
    judged.push({ entry, reading: await readThroughBot(entry, index, today) });
  }
  console.log(`\nChat accuracy (${corpus.entries.length} lines of ${relative(process.cwd(), corpusFile)}, today ${today}; fields scored on expense lines)`);
  for (const line of accuracyTable(scoreReadings(judged, today))) console.log(`  ${line}`);
  if (options.details) {
    console.log('\nSilently wrong and crashed lines:');
    for (const { entry, reading } of judged) {
      if (!isSilentlyWrong(entry, reading) && reading.kind !== 'crashed') continue;
      console.log(`  [${entry.ledger.locale} ${entry.ledger.currency}] ${entry.text}\n      expected ${expectedText(entry)}; got ${describe(reading)}`);
    }
    console.log('\nOther misses (what was wrong in brackets):');
    for (const { entry, reading } of judged) {
      const wrong = misses(entry, reading, today);
      if (wrong.length === 0 || isSilentlyWrong(entry, reading) || reading.kind === 'crashed') continue;
      console.log(`  [${entry.ledger.locale} ${entry.ledger.currency}] ${entry.text} (${wrong.join(', ')})\n      expected ${expectedText(entry)}; got ${describe(reading)}`);
    }
  }
}

if (require.main === module) {
  const corpusAt = process.argv.indexOf('--corpus');
  const corpusFile = corpusAt >= 0 ? process.argv[corpusAt + 1] : undefined;
  if (corpusAt >= 0 && !corpusFile) {
    console.error('--corpus needs a file: npx tsx bench/chat-accuracy.ts --corpus bench/corpus/chat-lines-unseen.json');
    process.exit(2);
  }
  benchChatAccuracy({ details: process.argv.includes('--details'), corpusFile }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
