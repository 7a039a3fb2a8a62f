/**
 * Explore Education Statistics downloads as they come: a data set zip holds the data
 * CSV (`data/…csv`), where the release provides them its metadata file (`….meta.csv`:
 * one row per column with `col_name, col_type, label, indicator_grouping,
 * indicator_unit, indicator_dp, filter_hint, filter_grouping_column`) and the data
 * guidance (`data-guidance/…txt`). The metadata gives readable names, units and
 * decimal places instead of raw column names; the guidance becomes the definition.
 */
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { ZipEntry } from './zip-directory';

export interface EesColumnMeta {
  label: string;
  /** As EES writes it: "%", "£", "£m", "pp", or empty. */
  unit: string;
  decimals: number | null;
}

export interface EesMeta {
  /** Indicator columns by name. */
  indicators: Record<string, EesColumnMeta>;
  /** Filter columns by name, with their labels. */
  filters: Record<string, { label: string; hint: string }>;
  /** The data guidance, as the indicators' definition. */
  guidance?: string;
}

/** Reads a .meta.csv; null when the text is not one. */
export function parseEesMeta(text: string): EesMeta | null {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const at = (name: string) => header.indexOf(name);
  const [name, type, label, unit, dp, hint] = ['col_name', 'col_type', 'label', 'indicator_unit', 'indicator_dp', 'filter_hint'].map(at);
  if (name! < 0 || type! < 0) return null;
  const meta: EesMeta = { indicators: {}, filters: {} };
  for (const r of rows.slice(1)) {
    const col = (r[name!] ?? '').trim();
    if (!col) continue;
    const kind = (r[type!] ?? '').trim().toLowerCase();
    const text = (k: number | undefined) => (k !== undefined && k >= 0 ? (r[k] ?? '').trim() : '');
    if (kind === 'indicator') {
      const d = Number.parseInt(text(dp), 10);
      meta.indicators[col] = { label: text(label) || col, unit: text(unit), decimals: Number.isFinite(d) && d >= 0 && d <= 6 ? d : null };
    } else if (kind === 'filter') meta.filters[col] = { label: text(label) || col, hint: text(hint) };
  }
  return meta;
}

const MAX_GUIDANCE = 4000;

export interface DataZip {
  /** The data CSV, as a file of its own. */
  csv: File;
  meta: EesMeta | null;
}

/** Whether a zip archive's entries look like a data download (CSV files) rather than a workbook. */
export function isDataZip(entries: ZipEntry[]): boolean {
  return entries.some((e) => /\.csv$/i.test(e.name)) && !entries.some((e) => e.name === 'content.xml' || e.name === '[Content_Types].xml');
}

/**
 * The data CSV of an EES zip with its metadata and guidance. When the zip holds
 * several data files, the largest is taken (the others are named in `others`).
 */
export function readDataZip(bytes: Uint8Array, entries: ZipEntry[], zipName: string): { ok: true; zip: DataZip; others: string[] } | { ok: false; message: string } {
  const data = entries.filter((e) => /\.csv$/i.test(e.name) && !/\.meta\.csv$/i.test(e.name) && !/(^|\/)__macosx\//i.test(e.name));
  if (data.length === 0) return { ok: false, message: `${zipName} holds no data CSV file.` };
  const main = data.reduce((a, b) => (b.unpackedBytes > a.unpackedBytes ? b : a));
  const base = main.name.replace(/\.csv$/i, '');
  const metaName = entries.find((e) => e.name.toLowerCase() === `${base}.meta.csv`.toLowerCase())?.name ?? (data.length === 1 ? entries.find((e) => /\.meta\.csv$/i.test(e.name))?.name : undefined);
  const guidanceName = entries.find((e) => /guidance.*\.(txt|md)$/i.test(e.name))?.name;
  const wanted = new Set([main.name, metaName, guidanceName].filter((n): n is string => n !== undefined));
  const files = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
  const csvBytes = files[main.name];
  if (!csvBytes) return { ok: false, message: `${main.name} in ${zipName} could not be unpacked.` };
  let meta = metaName && files[metaName] ? parseEesMeta(strFromU8(files[metaName])) : null;
  if (guidanceName && files[guidanceName]) {
    const guidance = strFromU8(files[guidanceName]).replace(/\r\n?/g, '\n').trim();
    meta = { ...(meta ?? { indicators: {}, filters: {} }), guidance: guidance.length > MAX_GUIDANCE ? `${guidance.slice(0, MAX_GUIDANCE - 1)}…` : guidance };
  }
  const name = main.name.split('/').pop()!;
  return { ok: true, zip: { csv: new File([csvBytes as BlobPart], name), meta }, others: data.filter((d) => d !== main).map((d) => d.name) };
}
