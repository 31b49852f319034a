/** One row of a printed table: the figure, its value, the goal it answers to, what it means. */
export interface Row { figure: string; value: string; goal?: string; meaning: string }

/** Prints a titled table with aligned columns; a goal reads "goal ≤ x" (✓ or ✗ when `met` is given). */
export function printTable(title: string, rows: readonly Row[]): void {
  const width = (k: keyof Row) => Math.max(k.length, ...rows.map((r) => (r[k] ?? '').length));
  const [f, v, g] = [width('figure'), width('value'), width('goal')];
  console.log(`\n${title}`);
  console.log(`  ${'figure'.padEnd(f)}  ${'value'.padStart(v)}  ${'goal'.padEnd(g)}  meaning`);
  for (const r of rows) console.log(`  ${r.figure.padEnd(f)}  ${r.value.padStart(v)}  ${(r.goal ?? '').padEnd(g)}  ${r.meaning}`);
}

/** "≤ 10 ✓" / "≥ 0.8 ✗": the goal, and whether this run met it. */
export const goal = (text: string, met: boolean) => `${text} ${met ? '✓' : '✗'}`;

export const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
