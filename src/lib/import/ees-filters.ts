/**
 * The filters of an EES tidy file (characteristic, population_type, age, …) as
 * breakdowns the user chooses: which values of each filter are imported. Each value
 * becomes a breakdown of the column's indicator; by default only the total ("Total",
 * "All …") where the file has one, so a file with hundreds of characteristics does not
 * bring hundreds of series unless the user asks for them.
 *
 * The mapping step shows at once with the values of the first rows, while a worker
 * counts them over every row of the file (`FilterValueCounter`, one streaming pass,
 * list-values.ts); the full lists then join the user's choices (`mergeListed`), so a
 * value first met at row 5,000 can be chosen like one in the first rows. At most
 * LISTED_VALUES values of a filter are kept; past them a choice says whether the
 * values not listed are imported too (`others`).
 */
import type { EesMeta } from './ees-zip';

/** A filter value that is the whole population rather than a part of it. */
export const TOTAL_VALUE = /^(total|all|all .*|overall)$/i;

/**
 * At most this many values of a filter are kept and listed to choose from; the rest
 * count as others. One import brings at most 1,000 series (limits.ts), so more could
 * not be chosen anyway, and the memory the listing takes stays bounded.
 */
export const LISTED_VALUES = 1000;

export interface FilterChoice {
  /** The filter column's name. */
  column: string;
  /** What the publisher's metadata calls the filter, where it came with the file. */
  label?: string;
  /** Values found, in order of first sight (at most LISTED_VALUES). */
  seen: string[];
  /** Rows of each value of `seen`, where they were counted. */
  rows?: number[];
  /**
   * Whether `seen` is every value of the filter in the whole file: every row was read
   * for them and there were no more than LISTED_VALUES. When absent, only the first rows were read.
   */
  complete?: boolean;
  /** Whether the file has more values than LISTED_VALUES, so some are not listed. */
  capped?: boolean;
  /** The value that is the total, when one was seen. */
  total: string | null;
  /** The values seen that are to be imported. */
  chosen: string[];
  /** Whether values not among `seen` (past the first rows, or past the listed ones) are imported too. */
  others: boolean;
}

/**
 * Counts the values of each filter column over batches of rows, in order of first
 * sight, keeping at most `cap` values per filter. Rows come in long runs of the same
 * values, so the last value of each filter is checked before the map.
 */
export class FilterValueCounter {
  private readonly lists: { seen: string[]; rows: number[]; index: Map<string, number>; last: string | undefined; lastAt: number; capped: boolean }[];
  /** Rows counted. */
  rows = 0;

  constructor(
    private readonly width: number,
    private readonly filters: readonly number[],
    private readonly cap = LISTED_VALUES,
  ) {
    this.lists = filters.map(() => ({ seen: [], rows: [], index: new Map(), last: undefined, lastAt: -1, capped: false }));
  }

  /** Counts rows of data; rows of another width (blank lines, broken rows) are not counted. */
  add(rows: readonly string[][]): void {
    const { width, filters, lists, cap } = this;
    for (const r of rows) {
      if (r.length !== width) continue;
      this.rows++;
      for (let k = 0; k < filters.length; k++) {
        const l = lists[k]!;
        const v = r[filters[k]!]!;
        if (v === l.last) {
          if (l.lastAt >= 0) l.rows[l.lastAt]!++;
          continue;
        }
        let at = l.index.get(v);
        if (at === undefined) {
          if (l.seen.length >= cap) {
            l.capped = true;
            at = -1;
          } else {
            at = l.seen.length;
            const kept = own(v);
            l.index.set(kept, at);
            l.seen.push(kept);
            l.rows.push(0);
          }
        }
        if (at >= 0) l.rows[at]!++;
        l.last = v;
        l.lastAt = at;
      }
    }
  }

  /**
   * The choices for each filter column, defaulting to the total where there is one and
   * otherwise to every value. `whole`: the rows counted were every row of the file.
   */
  choices(header: readonly string[], whole: boolean): FilterChoice[] {
    return this.filters.map((c, k) => {
      const l = this.lists[k]!;
      const seen = [...l.seen];
      const complete = whole && !l.capped;
      const total = seen.find((v) => TOTAL_VALUE.test(v.trim())) ?? null;
      const base = { column: header[c]!.trim(), seen, rows: [...l.rows], complete, ...(l.capped ? { capped: true } : {}), total };
      return total !== null ? { ...base, chosen: [total], others: false } : { ...base, chosen: [...seen], others: !complete };
    });
  }
}

/**
 * A string of its own for a value cut from a slice of the file: V8 keeps a longer
 * substring as a view of the text it was cut from, so keeping the value would keep the
 * whole 4 MB slice alive, and with a new value in every slice, the whole file.
 */
const own = (v: string): string => (' ' + v).slice(1);

/**
 * The choices for each filter column from rows of data, defaulting to the total where
 * there is one and otherwise to every value. `whole`: the rows are every row of the file.
 */
export function filterChoices(header: readonly string[], filters: readonly number[], rows: readonly string[][], whole = false): FilterChoice[] {
  const counter = new FilterValueCounter(header.length, filters);
  counter.add(rows);
  return counter.choices(header, whole);
}

/** Choices with the filters' labels from the .meta.csv, where it gives them. */
export function labelled(choices: FilterChoice[], meta: EesMeta | undefined): FilterChoice[] {
  return choices.map((f) => (meta?.filters[f.column]?.label ? { ...f, label: meta.filters[f.column]!.label } : f));
}

/**
 * The lists of every value, counted over the whole file, joined to the choices the user
 * made from the first rows' values. A filter the user has not touched takes the whole
 * file's default (its total, found perhaps only past the first rows). A filter the user
 * set keeps what they ticked, and a value first met past the first rows is chosen when
 * they asked for the values not listed (`others`): what they chose means the same after.
 */
export function mergeListed(choices: readonly FilterChoice[], listed: readonly FilterChoice[], touched: ReadonlySet<string>): FilterChoice[] {
  return choices.map((u) => {
    const l = listed.find((x) => x.column === u.column);
    if (!l) return u;
    const label = u.label !== undefined ? { label: u.label } : {};
    if (!touched.has(u.column)) return { ...l, ...label };
    const before = new Set(u.seen);
    const chosen = l.seen.filter((v) => u.chosen.includes(v) || (u.others && !before.has(v)));
    return { ...l, ...label, chosen, others: u.others && !listsEvery(l, false) };
  });
}

/** Whether every value of the filter is listed: the whole file was read for it, or the first rows were the whole file. */
export const listsEvery = (f: FilterChoice, complete: boolean): boolean => f.complete === true || (complete && !f.capped);

/**
 * Whether the user has a choice to make about a filter: it has several values, or names
 * a total while not every value is known (a "Total" in the first rows promises other
 * values further down, as in a file sorted by characteristic).
 */
const asks = (f: FilterChoice, complete: boolean): boolean => f.seen.length > 1 || (f.total !== null && !listsEvery(f, complete));

/** Whether the user should choose which values of the filters to import. */
export function asksForBreakdowns(choices: readonly FilterChoice[], complete: boolean): boolean {
  return choices.some((f) => asks(f, complete));
}

/**
 * How many series the choices bring: each figure column times the values chosen of each
 * filter. `atLeast` when values further down the file may add to it.
 */
export function seriesCount(figureColumns: number, choices: readonly FilterChoice[], complete: boolean): { n: number; atLeast: boolean } {
  let n = figureColumns;
  let atLeast = false;
  for (const f of choices) {
    const every = listsEvery(f, complete);
    n *= Math.max(0, f.chosen.length + (f.others && f.chosen.length === 0 && !every ? 1 : 0));
    if (f.others && !every) atLeast = true;
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
  return `${n(rows)} row${rows === 1 ? '' : 's'} of ${n(list.length)} ${column} value${list.length === 1 ? '' : 's'} not chosen ${rows === 1 ? 'was' : 'were'} left out (${named}${list.length > 5 ? ', …' : ''}): to import them, undo this import and choose them when you import the file again.`;
}

/** Filters worth a choice: several values, or a total in a file that goes on past its first rows. */
export function choosable(choices: readonly FilterChoice[], complete: boolean): FilterChoice[] {
  return choices.filter((f) => asks(f, complete));
}

/** What stops the choices from being read; empty when nothing does. */
export function choiceProblems(choices: readonly FilterChoice[]): string[] {
  return choices.filter((f) => f.chosen.length === 0 && !f.others).map((f) => `Choose at least one value of ${f.column}.`);
}
