import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHAT_CORPUS_FILE, ExpectedExpense, groupOf, loadChatCorpus, LOCALE_GROUPS, UNSEEN_CORPUS_FILE } from './chat-corpus';
import { misses, scoreReadings } from './score-readings';
import { LocalDate } from '../../bot/src/core/calendar/local-date';

describe('the chat-lines corpus', () => {
  const corpus = loadChatCorpus();

  it('has at least 40 lines in every locale group, with expenses, refusals and questions in each', () => {
    for (const group of LOCALE_GROUPS) {
      const lines = corpus.entries.filter((e) => groupOf(e) === group);
      expect({ group, lines: lines.length >= 40 }).toEqual({ group, lines: true });
      const kinds = new Set(lines.map((e) => e.expected.kind));
      expect({ group, kinds: [...kinds].sort() }).toEqual({ group, kinds: ['expense', 'not-an-expense', 'should-ask'] });
    }
  });

  it('holds no line twice within a locale group', () => {
    const seen = new Set<string>();
    const repeated = corpus.entries.map((e) => `${groupOf(e)}: ${e.text}`).filter((key) => seen.has(key) || !seen.add(key));
    expect(repeated).toEqual([]);
  });

  it('gives every expense a whole, positive number of minor units', () => {
    const bad = corpus.entries.filter((e) => e.expected.kind === 'expense' && !(Number.isInteger(e.expected.amountMinor) && e.expected.amountMinor >= 1));
    expect(bad).toEqual([]);
  });

  it('refuses a file that breaks the schema, naming the problem', () => {
    const raw = JSON.parse(readFileSync(CHAT_CORPUS_FILE, 'utf8'));
    raw.entries[0].expected.amountMinor = 12.5;
    raw.entries[1].ledger.currency = 'XYZ';
    const file = join(mkdtempSync(join(tmpdir(), 'corpus-')), 'broken.json');
    writeFileSync(file, JSON.stringify(raw));
    expect(() => loadChatCorpus(file)).toThrow(/amountMinor[\s\S]*currency/);
  });
});

describe('scoring the bot against the corpus', () => {
  const corpus = loadChatCorpus();
  const today = corpus.today as LocalDate;

  it('counts a record of a count or of a wrong currency as silently wrong, and a refusal as not', () => {
    const count = corpus.entries.find((e) => e.text === 'I have 2 meetings today')!;
    const thb = corpus.entries.find((e) => e.text === '50 Taxi THB')!;
    const hello = corpus.entries.find((e) => e.text === 'hello')!;
    const [en] = scoreReadings([
      { entry: count, reading: { kind: 'recorded', amountMinor: 200, currency: 'USD', date: today, description: 'I have meetings', category: 'other' } },
      { entry: thb, reading: { kind: 'recorded', amountMinor: 5000, currency: 'USD', date: today, description: 'Taxi', category: 'transport' } },
      { entry: hello, reading: { kind: 'refused' } },
    ], today);
    expect(en).toMatchObject({ group: 'en', lines: 3, silentlyWrong: 2, refused: { right: 1, of: 1 }, asked: { right: 0, of: 1 } });
    expect(en).toMatchObject({ amount: { right: 1, of: 1 }, currency: { right: 0, of: 1 }, description: { right: 1, of: 1 }, category: { right: 1, of: 1 } });
  });
});

describe('the unseen corpus', () => {
  it('fits the schema, with at least 20 lines in every locale group and expenses, refusals and questions in each', () => {
    const unseen = loadChatCorpus(UNSEEN_CORPUS_FILE);
    for (const group of LOCALE_GROUPS) {
      const lines = unseen.entries.filter((e) => groupOf(e) === group);
      const kinds = [...new Set(lines.map((e) => e.expected.kind))].sort();
      expect({ group, enough: lines.length >= 20, kinds }).toEqual({ group, enough: true, kinds: ['expense', 'not-an-expense', 'should-ask'] });
    }
  });
});

describe('naming what the bot got wrong on a line', () => {
  const corpus = loadChatCorpus();
  const today = corpus.today as LocalDate;
  const byText = (text: string) => corpus.entries.find((e) => e.text === text)!;

  it('names the wrong fields of an expense, the kind of reading otherwise, and nothing when it is right', () => {
    const thb = byText('50 Taxi THB');
    const expected = thb.expected as ExpectedExpense;
    const right = { kind: 'recorded' as const, amountMinor: expected.amountMinor, currency: expected.currency, date: today, description: expected.description, category: expected.category ?? 'other' };
    expect(misses(thb, right, today)).toEqual([]);
    expect(misses(thb, { ...right, currency: 'USD', description: 'Taxi THB' }, today)).toEqual(['currency', 'description']);
    expect(misses(thb, { kind: 'asked' }, today)).toEqual(['asked']);
    expect(misses(byText('I have 2 meetings today'), { kind: 'refused' }, today)).toEqual(['refused']);
    expect(misses(byText('hello'), { kind: 'asked' }, today)).toEqual([]);
    expect(misses(byText('hello'), { ...right }, today)).toEqual(['recorded']);
  });
});
