/**
 * The filters of an EES tidy file (characteristic, population_type, age, …) as
 * breakdowns the user chooses: which values of each filter are imported. Each value
 * becomes a breakdown of the column's indicator; by default only the total ("Total",
 * "All …") where the file has one, so a file with hundreds of characteristics does not
 * bring hundreds of series unless the user asks for them.
 *
 * The mapping step sees only the file's first rows, so a choice says which of the
 * values seen there to import and whether values first met further down are imported
 * too (`others`).
 */

/** A filter value that is the whole population rather than a part of it. */
export const TOTAL_VALUE = /^(total|all|all .*|overall)$/i;

/** At most this many values of a filter are listed to choose from; the rest count as others. */
export const LISTED_VALUES = 200;

export interface FilterChoice {
  /** The filter column's name. */
  column: string;
  /** What the publisher's metadata calls the filter, where it came with the file. */
  label?: string;
  /** Values seen in the file's first rows, in order of first sight (at most LISTED_VALUES). */
  seen: string[];
  /** The value that is the total, when one was seen. */
  total: string | null;
  /** The values seen that are to be imported. */
  chosen: string[];
  /** Whether values not among `seen` (met further down the file) are imported too. */
  others: boolean;
}

/** The choices for each filter column, defaulting to the total where there is one and otherwise to every value. */
export function filterChoices(header: readonly string[], filters: readonly number[], sample: readonly string[][]): FilterChoice[] {
  return filters.map((c) => {
    const seen: string[] = [];
    const set = new Set<string>();
    for (const r of sample) {
      if (r.length !== header.length) continue;
      const v = r[c]!;
      if (set.has(v)) continue;
      if (seen.length >= LISTED_VALUES) break;
      set.add(v);
      seen.push(v);
    }
    const total = seen.find((v) => TOTAL_VALUE.test(v.trim())) ?? null;
    return total !== null ? { column: header[c]!.trim(), seen, total, chosen: [total], others: false } : { column: header[c]!.trim(), seen, total, chosen: [...seen], others: true };
  });
}

/**
 * Whether the user should choose: a filter has several values in the first rows, or
 * names a total there while the file goes on (a "Total" promises other values further
 * down, as in a file sorted by characteristic).
 */
export function asksForBreakdowns(choices: readonly FilterChoice[], complete: boolean): boolean {
  return choices.some((f) => f.seen.length > 1 || (f.total !== null && !complete));
}

/**
 * How many series the choices bring: each figure column times the values chosen of each
 * filter. `atLeast` when values further down the file may add to it.
 */
export function seriesCount(figureColumns: number, choices: readonly FilterChoice[], complete: boolean): { n: number; atLeast: boolean } {
  let n = figureColumns;
  let atLeast = false;
  for (const f of choices) {
    n *= Math.max(0, f.chosen.length + (f.others && f.chosen.length === 0 && !complete ? 1 : 0));
    if (f.others && !complete) atLeast = true;
  }
  return { n, atLeast };
}

/**
 * Decides, per row, whether its filter values were chosen. Rows come in long runs of
 * the same values, so each combination is decided once.
 */
export class FilterGate {
  private readonly choices: ({ chosen: Set<string>; seen: Set<string>; others: boolean } | null)[];
  /** Per combination of filter values: whether it is read, and how many rows it left out. */
  private readonly decided = new Map<string, { ok: boolean; rows: number; values: string[] }>();
  readonly active: boolean;

  constructor(
    private readonly names: readonly string[],
    choices: readonly FilterChoice[] | undefined,
  ) {
    this.choices = names.map((name) => {
      const f = choices?.find((x) => x.column === name);
      return f ? { chosen: new Set(f.chosen), seen: new Set(f.seen), others: f.others } : null;
    });
    this.active = this.choices.some((c) => c !== null);
  }

  private chosen(k: number, v: string): boolean {
    const c = this.choices[k];
    return !c || c.chosen.has(v) || (c.others && !c.seen.has(v));
  }

  /** Whether a row with these filter values (`key` stands for `values`, in the order of the filter columns) is read. */
  admits(key: string, values: () => string[]): boolean {
    if (!this.active) return true;
    let d = this.decided.get(key);
    if (!d) {
      const vs = values();
      d = { ok: vs.every((v, k) => this.chosen(k, v)), rows: 0, values: vs };
      this.decided.set(key, d);
    }
    if (!d.ok) d.rows++;
    return d.ok;
  }

  /** Rows left out, and the values that left them out, by filter column. */
  leftOut(): Map<string, { rows: number; values: Set<string> }> {
    const out = new Map<string, { rows: number; values: Set<string> }>();
    for (const d of this.decided.values()) {
      if (d.ok) continue;
      d.values.forEach((v, k) => {
        if (this.chosen(k, v)) return;
        const name = this.names[k]!;
        let entry = out.get(name);
        if (!entry) out.set(name, (entry = { rows: 0, values: new Set() }));
        entry.rows += d.rows;
        entry.values.add(v);
      });
    }
    return out;
  }
}

/** "1,000,000 rows of 502 characteristic values not chosen were left out (Group 1, Group 2, …)." */
export function describeLeftOutValues(column: string, rows: number, values: ReadonlySet<string>): string {
  const list = [...values];
  const named = list.slice(0, 5).map((v) => `“${v.length > 60 ? `${v.slice(0, 59)}…` : v}”`).join(', ');
  const n = (x: number) => x.toLocaleString('en-GB');
  return `${n(rows)} rows of ${n(list.length)} ${column} value${list.length === 1 ? '' : 's'} not chosen were left out (${named}${list.length > 5 ? ', …' : ''}): to import them, undo this import and choose them when you import the file again.`;
}

/** Filters worth a choice: several values, or a total in a file that goes on past its first rows. */
export function choosable(choices: readonly FilterChoice[], complete: boolean): FilterChoice[] {
  return choices.filter((f) => f.seen.length > 1 || (f.total !== null && !complete));
}

/** What stops the choices from being read; empty when nothing does. */
export function choiceProblems(choices: readonly FilterChoice[]): string[] {
  return choices.filter((f) => f.chosen.length === 0 && !f.others).map((f) => `Choose at least one value of ${f.column}.`);
}
