/**
 * Finds the area a file means: by GSS code (current or previous), DfE LA number,
 * or name through aliases ("Herefordshire, County of", "England1"). What cannot be
 * matched is collected under a provisional code so that the user can decide, after
 * reading, whether to keep it as a custom area or leave its rows out.
 */
import { areaNameKey } from '../model/area-names';
import type { Area, AreaCode } from '../model/types';

/** The areas the app holds, in a form that can be posted to the worker. */
export interface AreaLookup {
  byCode: Record<string, AreaCode>;
  byOldLa: Record<string, AreaCode>;
  byName: Record<string, AreaCode>;
}

export function buildAreaLookup(areas: Area[]): AreaLookup {
  const lookup: AreaLookup = { byCode: {}, byOldLa: {}, byName: {} };
  // Bundled areas first, so a custom area never takes over a published name.
  const ordered = [...areas].sort((a, b) => Number(a.importId !== 'bundled') - Number(b.importId !== 'bundled'));
  for (const a of ordered) {
    lookup.byCode[a.code] ??= a.code;
    for (const p of a.previousCodes ?? []) lookup.byCode[p] ??= a.code;
    if (a.oldLaCode !== undefined) lookup.byOldLa[String(a.oldLaCode)] ??= a.code;
    for (const n of [a.name, ...a.aliases]) {
      const key = areaNameKey(n);
      if (key) lookup.byName[key] ??= a.code;
    }
  }
  return lookup;
}

/** Provisional codes of unmatched areas start with this; never a real code. */
export const UNKNOWN_PREFIX = '?';

export interface UnknownArea {
  /** Provisional code used in the parsed series. */
  key: string;
  name: string;
  code?: string;
  oldLaCode?: string;
  rows: number;
  firstRow: number;
}

export class AreaResolver {
  readonly unknown = new Map<string, UnknownArea>();
  private cache = new Map<string, AreaCode>();

  constructor(private readonly lookup: AreaLookup) {}

  /**
   * The area's code, or a provisional `?…` code for one the app does not know.
   * Empty strings mean "not given". Results are cached by the raw cells, as most
   * files repeat each area many times.
   */
  resolve(code: string, oldLa: string, name: string, row: number): AreaCode {
    const cacheKey = code + '\u001f' + oldLa + '\u001f' + name;
    let found = this.cache.get(cacheKey);
    if (found === undefined) {
      found = this.match(code.trim(), oldLa.trim(), name.trim());
      this.cache.set(cacheKey, found);
    }
    if (found.charCodeAt(0) === 63 /* ? */) {
      const u = this.unknown.get(found);
      if (u) u.rows++;
      else {
        this.unknown.set(found, {
          key: found,
          name: name.trim() || code.trim() || oldLa.trim(),
          ...(code.trim() ? { code: code.trim() } : {}),
          ...(oldLa.trim() ? { oldLaCode: oldLa.trim() } : {}),
          rows: 1,
          firstRow: row,
        });
      }
    }
    return found;
  }

  private match(code: string, oldLa: string, name: string): AreaCode {
    const upper = code.toUpperCase();
    if (upper && this.lookup.byCode[upper]) return this.lookup.byCode[upper];
    const la = oldLa.replace(/\.0+$/, '');
    if (la && this.lookup.byOldLa[la]) return this.lookup.byOldLa[la];
    const key = areaNameKey(name);
    if (key && this.lookup.byName[key]) return this.lookup.byName[key];
    // Unknown: one provisional area per name (or code when there is no name).
    return UNKNOWN_PREFIX + (key || upper || la);
  }
}
