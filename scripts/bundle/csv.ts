import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export type Row = Record<string, string>;

/** A CSV file as rows keyed by its header; a parse error stops the build with the file and row. */
export function readCsv(path: string): Row[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const out = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  if (out.errors.length) throw new Error(`${path}: ${out.errors[0]!.message} (row ${out.errors[0]!.row})`);
  return out.data;
}

/** The GSS code an EES tidy row is about: England, a region, or a local authority. */
export function eesAreaCode(r: Row): string {
  return r.geographic_level === 'National' ? r.country_code! : r.geographic_level === 'Regional' ? r.region_code! : r.new_la_code!;
}

export interface AreaLookup {
  /** Earlier codes of an authority → its current one. */
  codeRemap: Map<string, string>;
  known: Set<string>;
  /** DfE LA number → GSS code. */
  byOldCode: Map<number, string>;
}

/**
 * The bundled areas an EES row is about. A joint return ("E09000021 / E09000027",
 * Kingston upon Thames and Richmond upon Thames, whose children's services are one
 * organisation) is about each of them; a code newer than the bundle's areas (Barnsley's
 * E08000038 after its 2024 boundary change) is found by the DfE LA number.
 */
export function eesAreaCodes(r: Row, lookup: AreaLookup): string[] {
  const codes = eesAreaCode(r).split(/\s*\/\s*/);
  const numbers = (r.old_la_code ?? '').split(/\s*\/\s*/);
  return codes.map((code, i) => {
    const remapped = lookup.codeRemap.get(code) ?? code;
    if (lookup.known.has(remapped) || r.geographic_level !== 'Local authority') return remapped;
    return lookup.byOldCode.get(Number(numbers[i])) ?? remapped;
  });
}
