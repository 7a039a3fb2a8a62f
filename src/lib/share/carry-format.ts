/**
 * Imported data carried with a shared view: in the link's `carry` parameter
 * (compressed, base64url) or in a dashboard file. Both hold the same envelope around
 * the app's own data file (import/app-json.ts), so carried data is validated exactly
 * as an import of that file is, after size limits that an import does not need.
 *
 * Every reader here returns `{ ok: false, message }` instead of throwing: a carry
 * parameter is whatever someone typed or a mail client cut short.
 */
import { sha256Hex } from '../model/sha256';
import { APP_FORMAT, validateAppFile, type AppFile, type ValidAppFile } from '../import/app-json';
import { IssueList } from '../import/issues';
import { isRecord } from '../model/is-record';
import { errorMessage } from '../model/errors';

export const DASHBOARD_FORMAT = 'safeguarding-lens/dashboard';
export const DASHBOARD_VERSION = 1;
/** Dashboard files are named `….sglens.json`, so they still open as JSON anywhere. */
export const DASHBOARD_EXTENSION = '.sglens.json';

/**
 * The envelope. In a link, `view` is left out (the rest of the link is the view); in a
 * dashboard file it is the view's location hash.
 */
export interface DashboardFile {
  format: typeof DASHBOARD_FORMAT;
  version: number;
  /** The view's location hash, `#/compare?…&v=1&data=…`. Files only. */
  view?: string;
  /** The sender's note to whoever opens it. */
  note?: string;
  /** The app's data file: only what the view needs. */
  data: AppFile;
}

export const CARRY_LIMITS = {
  /**
   * The longest link Share offers. Links pass through email clients, Teams and chat
   * tools, which cut or refuse longer ones; beyond it Share offers a dashboard file.
   */
  linkChars: 8000,
  /** The longest `carry` parameter read: more than Share writes, less than a decompression bomb needs. */
  carryChars: 16000,
  /** Unpacked JSON from a link. */
  linkJsonBytes: 2_000_000,
  /** A dashboard file. */
  fileBytes: 20_000_000,
  observations: 200_000,
  areas: 2_000,
  indicators: 200,
  documents: 100,
  priorities: 5_000,
  /** The user's theme links: a few dozen at most in real use. */
  themeLinks: 1_000,
  /**
   * Characters of document text a link may carry, all documents together. A link's
   * 16,000 characters hold 12 KB deflated, and minutes deflate about three to one, so a
   * real link carries some 40,000 characters of text; more can only be text repeated
   * to make the recipient's browser work (every carried document is tagged on arrival).
   */
  linkDocumentChars: 200_000,
  /** The same for a dashboard file: a few long annual reports. Tagging them shows progress and can be cancelled. */
  fileDocumentChars: 5_000_000,
} as const;

export interface CarriedCounts {
  areas: number;
  indicators: number;
  figures: number;
  documents: number;
  priorities: number;
}

/** Carried data that passed every check, ready to be shown or saved. */
export interface Carried {
  /** Where it came from: a link, or the dashboard file's name. */
  source: { kind: 'link' } | { kind: 'file'; name: string };
  /** The view hash from a dashboard file (links carry their view in the rest of the link). */
  view?: string;
  note?: string;
  /** The data file's description: where the figures came from. */
  description?: string;
  data: ValidAppFile;
  /** The labels of the indicators the figures are for, for the recipient's summary. */
  indicatorLabels: string[];
  counts: CarriedCounts;
  /** SHA-256 of the data as carried, so that saving it twice is recognised. */
  hash: string;
}

export type CarryResult = { ok: true; carried: Carried } | { ok: false; message: string };

const fail = (message: string): CarryResult => ({ ok: false, message });

// ---------------------------------------------------------------------------------
// Writing

/** The `carry` parameter: the envelope (without `view`) as JSON, deflated, base64url. */
export async function encodeCarry(envelope: Omit<DashboardFile, 'view'>): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(envelope));
  const packed = await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer();
  return toBase64Url(new Uint8Array(packed));
}

/** The dashboard file's text. */
export function dashboardFileText(envelope: DashboardFile & { view: string }): string {
  return JSON.stringify(envelope, null, 1);
}

/** A file name from the view's title: letters and digits, dashes between, at most 100 of them, cut between words. */
export function dashboardFileName(title: string): string {
  const whole = title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const stem = whole.length > 100 ? whole.slice(0, 101).replace(/-[^-]*$/, '') : whole;
  return `${stem || 'dashboard'}${DASHBOARD_EXTENSION}`;
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// ---------------------------------------------------------------------------------
// Reading

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Unpacks deflated bytes, stopping as soon as the output passes `maxBytes`, so a
 * small link cannot unpack into gigabytes. The zlib wrapper's checksum makes a
 * changed or cut-short payload fail here rather than unpack into something else.
 */
export async function inflate(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array | 'damaged' | 'too-big'> {
  try {
    const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return 'too-big';
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  } catch {
    return 'damaged';
  }
}

const LINK_DAMAGED = 'The data carried in this link is damaged (the link may have been cut short or changed on the way), so it cannot be used.';

/** Reads a link's `carry` parameter. Never throws. */
export async function readCarryParam(param: string): Promise<CarryResult> {
  if (param.length > CARRY_LIMITS.carryChars) {
    return fail(`The data carried in this link is too long (${param.length.toLocaleString('en-GB')} characters; at most ${CARRY_LIMITS.carryChars.toLocaleString('en-GB')}), so it was not read.`);
  }
  const bytes = fromBase64Url(param);
  if (bytes === null || bytes.length === 0) return fail(LINK_DAMAGED);
  const unpacked = await inflate(bytes, CARRY_LIMITS.linkJsonBytes);
  if (unpacked === 'damaged') return fail(LINK_DAMAGED);
  if (unpacked === 'too-big') return fail(`The data carried in this link unpacks to more than ${megabytes(CARRY_LIMITS.linkJsonBytes)}, more than a link may carry, so it was not read.`);
  return readEnvelopeText(decodeUtf8(unpacked), { kind: 'link' });
}

/** Reads a dashboard file. Never throws. */
export async function readDashboardFile(file: Blob, name: string): Promise<CarryResult> {
  if (file.size > CARRY_LIMITS.fileBytes) {
    return fail(`${name} is ${megabytes(file.size)}, more than a dashboard file may be (${megabytes(CARRY_LIMITS.fileBytes)}), so it was not opened.`);
  }
  let text: string;
  try {
    text = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
  } catch (e) {
    return fail(`${name} could not be read (${errorMessage(e)}).`);
  }
  const res = await readEnvelopeText(text, { kind: 'file', name });
  return res.ok ? res : fail(`${name}: ${lowerFirst(res.message)}`);
}

function decodeUtf8(bytes: Uint8Array): string {
  // Not fatal: a broken byte becomes U+FFFD and the JSON check that follows reports it.
  return new TextDecoder('utf-8').decode(bytes);
}

/** The envelope's JSON → checked carried data. */
export async function readEnvelopeText(text: string, source: Carried['source']): Promise<CarryResult> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(source.kind === 'link' ? LINK_DAMAGED : 'This is not a dashboard file: it is not valid JSON.');
  }
  if (!isRecord(json) || json.format !== DASHBOARD_FORMAT) {
    if (isRecord(json) && json.format === APP_FORMAT) return fail('This is a data file, not a dashboard file: import it with “Import data” on the Data page.');
    return fail(`This is not a Safeguarding Lens dashboard (its "format" should be "${DASHBOARD_FORMAT}").`);
  }
  if (typeof json.version !== 'number' || !Number.isInteger(json.version) || json.version < 1) return fail('The dashboard has no valid "version".');
  if (json.version > DASHBOARD_VERSION) {
    return fail(`The dashboard was made by a newer version of Safeguarding Lens (dashboard version ${json.version}); update the app to open it.`);
  }
  let view: string | undefined;
  if (source.kind === 'file') {
    if (typeof json.view !== 'string' || !json.view.startsWith('#/') || json.view.length > 4000) return fail('The dashboard does not say which view it shows (its "view" should be a link such as "#/compare?…").');
    view = json.view;
  }
  const note = typeof json.note === 'string' && json.note.trim() ? json.note.trim().slice(0, 2000) : undefined;

  const data = json.data;
  const tooMany = overLimits(data, source);
  if (tooMany) return fail(tooMany);
  const issues = new IssueList();
  const valid = validateAppFile(data, issues);
  const errors = issues.list().filter((i) => i.severity === 'error');
  if (!valid || errors.length) {
    const first = errors[0]?.message ?? 'it could not be read.';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length === 2 ? '' : 's'})` : '';
    return fail(`The carried data cannot be used: ${first}${more}`);
  }
  const app = data as Partial<AppFile>;
  const fileIndicators = new Map(valid.indicators.map((i) => [i.id, i.label]));
  const indicatorIds = [...new Set(valid.observations.map((o) => o.indicatorId))];
  const carried: Carried = {
    source,
    ...(view !== undefined ? { view } : {}),
    ...(note !== undefined ? { note } : {}),
    ...(typeof app.description === 'string' && app.description.trim() ? { description: app.description.trim().slice(0, 500) } : {}),
    data: valid,
    indicatorLabels: indicatorIds.map((id) => fileIndicators.get(id) ?? id),
    counts: {
      areas: new Set([...valid.areas.map((a) => a.code), ...valid.observations.map((o) => o.areaCode), ...valid.documents.map((d) => d.areaCode), ...valid.priorities.map((p) => p.areaCode)]).size,
      indicators: indicatorIds.length,
      figures: valid.observations.length,
      documents: valid.documents.length,
      priorities: valid.priorities.length,
    },
    // Without the export time, so the same figures shared twice are recognised as one.
    hash: await sha256Hex(JSON.stringify({ ...app, exportedAt: undefined })),
  };
  return { ok: true, carried };
}

/** The row limits and the document text limit, checked before any item is read. */
function overLimits(data: unknown, source: Carried['source']): string | null {
  if (!isRecord(data)) return null;
  if (Array.isArray(data['documents'])) {
    const max = source.kind === 'link' ? CARRY_LIMITS.linkDocumentChars : CARRY_LIMITS.fileDocumentChars;
    let chars = 0;
    for (const d of data['documents']) if (isRecord(d) && typeof d['text'] === 'string') chars += d['text'].length;
    if (chars > max) {
      const where = source.kind === 'link' ? 'a link' : 'a dashboard file';
      return `The carried documents hold ${chars.toLocaleString('en-GB')} characters of text, more than the ${max.toLocaleString('en-GB')} ${where} may carry, so they were not read.`;
    }
  }
  const names = ['observations', 'areas', 'indicators', 'documents', 'priorities', 'themeLinks'] as const;
  for (const name of names) {
    const list = data[name];
    const max = CARRY_LIMITS[name];
    if (Array.isArray(list) && list.length > max) {
      return `The carried data has ${list.length.toLocaleString('en-GB')} ${name === 'observations' ? 'figures' : name === 'themeLinks' ? 'theme links' : name}, more than the ${max.toLocaleString('en-GB')} a shared view may carry.`;
    }
  }
  return null;
}

const megabytes = (n: number) => `${(n / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
