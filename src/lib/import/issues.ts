/**
 * What went wrong (or is worth knowing) about a file, with where: the row as a
 * spreadsheet would number it and the column by its header.
 */
export interface Issue {
  severity: 'error' | 'warning';
  message: string;
  /** Row in the file (1-based, the header row counts), or the item number in a JSON list. */
  row?: number;
  /** Column header, or the JSON field. */
  column?: string;
}

/** "referrals.csv, row 12, column “Referrals_rate”: “abc” is not a number…" */
export function describeIssue(fileName: string, issue: Issue): string {
  let where = fileName;
  if (issue.row !== undefined) where += `, row ${issue.row.toLocaleString('en-GB')}`;
  if (issue.column !== undefined) where += `, column “${issue.column}”`;
  return `${where}: ${issue.message}`;
}

/** Keeps the first few errors in full and counts the rest, so a bad file cannot flood memory. */
export class IssueList {
  readonly errors: Issue[] = [];
  private extraErrors = 0;
  private warnings = new Map<string, { count: number; message: (count: number) => string }>();

  constructor(private readonly maxErrors = 20) {}

  error(message: string, row?: number, column?: string): void {
    if (this.errors.length >= this.maxErrors) {
      this.extraErrors++;
      return;
    }
    this.errors.push({ severity: 'error', message, ...(row !== undefined ? { row } : {}), ...(column !== undefined ? { column } : {}) });
  }

  /** Warnings with the same key are counted, not repeated: "312 rows …". */
  warn(key: string, message: (count: number) => string, count = 1): void {
    const w = this.warnings.get(key);
    if (w) w.count += count;
    else this.warnings.set(key, { count, message });
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** Enough errors to stop reading: the file will not be imported anyway. */
  get full(): boolean {
    return this.errors.length >= this.maxErrors;
  }

  list(): Issue[] {
    const out: Issue[] = [...this.errors];
    if (this.extraErrors > 0) out.push({ severity: 'error', message: `and ${this.extraErrors.toLocaleString('en-GB')} more problems like these.` });
    for (const w of this.warnings.values()) out.push({ severity: 'warning', message: w.message(w.count) });
    return out;
  }
}
