import { SingleBar } from 'cli-progress';

/** How a command speaks: a table for people, JSON for scripts; progress on stderr when someone watches. */
export interface Output {
  readonly json: boolean;
  /** Rows as an aligned table, or as a JSON array. */
  rows(rows: readonly Record<string, string | number | boolean>[]): void;
  /** One result object: key/value lines, or JSON. */
  result(value: Record<string, unknown>): void;
  line(text: string): void;
  progress(label: string, total?: number): { tick(done: number, total?: number): void; stop(): void };
}

export function createOutput(json: boolean, out: NodeJS.WriteStream = process.stdout, err: NodeJS.WriteStream = process.stderr): Output {
  return {
    json,
    rows(rows) {
      if (json) return void out.write(`${JSON.stringify(rows, null, 2)}\n`);
      if (rows.length === 0) return void out.write('(none)\n');
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      const cell = (v: unknown) => (v === undefined ? '' : String(v));
      const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
      const format = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
      out.write(`${format(columns)}\n${format(widths.map((w) => '-'.repeat(w)))}\n${rows.map((r) => format(columns.map((c) => cell(r[c])))).join('\n')}\n`);
    },
    result(value) {
      if (json) return void out.write(`${JSON.stringify(value, null, 2)}\n`);
      for (const [k, v] of Object.entries(value)) out.write(`${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}\n`);
    },
    line(text) {
      if (!json) out.write(`${text}\n`);
    },
    progress(label, total) {
      if (!err.isTTY) return { tick: () => undefined, stop: () => undefined };
      const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: err, hideCursor: true }, undefined);
      bar.start(total ?? 0, 0);
      return {
        tick: (done, newTotal) => {
          if (newTotal !== undefined) bar.setTotal(newTotal);
          bar.update(done);
        },
        stop: () => bar.stop(),
      };
    },
  };
}
