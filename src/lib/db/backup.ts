/**
 * Writing the whole database to one backup file and reading one back. The file
 * format is described in `backup-format.ts`; restoring is in `restore.ts`.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { BACKUP_FORMAT, BACKUP_VERSION, headerLine, recordLine, type BackupHeader } from './backup-format';
import { BackupReader, type BackupOutcome } from './backup-validate';
import { bundledHash } from './bundled';
import type { LensDb } from './database';
import { upgradeBackup } from './migrations';
import type { SeriesPack } from './series-packs';

/**
 * Every table's records as backup lines, header first, read in one transaction so
 * that the backup is one consistent moment of the database.
 */
export async function backupLines(db: LensDb, now: Date = new Date()): Promise<string[]> {
  const lines: string[] = [''];
  const counts: Record<string, number> = {};
  let hash: string | undefined;
  await db.transaction('r', db.tables, async () => {
    hash = await bundledHash(db);
    for (const table of db.tables) {
      counts[table.name] = await table.count();
      // Encoded as they are read, so the decoded records are never all held at once.
      await table.each((record) => void lines.push(recordLine(table.name, table.name === 'series' ? withoutSpans(record as SeriesPack) : record)));
    }
  });
  const digest = sha256.create();
  const encoder = new TextEncoder();
  for (let i = 1; i < lines.length; i++) digest.update(encoder.encode(`${lines[i]}\n`));
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: db.verno,
    createdAt: now.toISOString(),
    ...(hash ? { bundleHash: hash } : {}),
    tables: counts,
    contentSha256: bytesToHex(digest.digest()),
  };
  lines[0] = headerLine(header);
  return lines;
}

/** A pack as backed up: its `spans` index keys are the database's, written again when it is restored (database.ts). */
function withoutSpans({ spans: _, ...pack }: SeriesPack): SeriesPack {
  return pack;
}

/**
 * Passes bytes through, hashing those after the first line feed (the header's line):
 * what `contentSha256` covers, read as the file streams past.
 */
function contentDigest(): { stream: TransformStream<Uint8Array<ArrayBuffer>, BufferSource>; hex: () => string } {
  const digest = sha256.create();
  let inHeader = true;
  const stream = new TransformStream<Uint8Array<ArrayBuffer>, BufferSource>({
    transform(chunk, out) {
      if (inHeader) {
        const nl = chunk.indexOf(0x0a);
        if (nl !== -1) {
          inHeader = false;
          digest.update(chunk.subarray(nl + 1));
        }
      } else digest.update(chunk);
      out.enqueue(chunk);
    },
  });
  return { stream, hex: () => bytesToHex(digest.digest()) };
}

/** The backup file: JSON Lines, gzip-compressed. */
export async function writeBackup(db: LensDb, now: Date = new Date()): Promise<{ blob: Blob; records: number }> {
  const lines = await backupLines(db, now);
  const text = new Blob(lines.map((l) => `${l}\n`));
  const blob = await new Response(text.stream().pipeThrough(new CompressionStream('gzip'))).blob();
  return { blob: new Blob([blob], { type: 'application/gzip' }), records: lines.length - 1 };
}

/** A name for the file: `safeguarding-lens-backup-2026-04-08.jsonl.gz`. */
export function backupFileName(now: Date = new Date()): string {
  return `safeguarding-lens-backup-${now.toISOString().slice(0, 10)}.jsonl.gz`;
}

/**
 * Reads and checks a whole backup file (gzip-compressed or plain) without writing
 * anything. Records from an older database version are brought up to this one.
 */
export async function readBackupFile(db: LensDb, file: Blob, onProgress?: (bytes: number, total: number) => void, signal?: AbortSignal): Promise<BackupOutcome> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  const reader = new BackupReader(db.verno, Object.fromEntries(db.tables.map((t) => [t.name, String(t.schema.primKey.keyPath)])));
  let bytes = 0;
  const counted: ReadableStream<BufferSource> = file.stream().pipeThrough(
    new TransformStream<Uint8Array<ArrayBuffer>, BufferSource>({
      transform(chunk, out) {
        bytes += chunk.byteLength;
        onProgress?.(bytes, file.size);
        out.enqueue(chunk);
      },
    }),
  );
  const content = contentDigest();
  const bytesOut = (gzipped ? counted.pipeThrough(new DecompressionStream('gzip')) : counted) as ReadableStream<Uint8Array<ArrayBuffer>>;
  const text = bytesOut.pipeThrough(content.stream).pipeThrough(new TextDecoderStream('utf-8', { fatal: true }));
  const stream = text.getReader();
  // A line can be tens of megabytes (a big series): collect its pieces and join once.
  let pieces: string[] = [];
  try {
    for (;;) {
      const { done, value } = await stream.read();
      if (done) break;
      let start = 0;
      for (let nl = value.indexOf('\n'); nl !== -1; nl = value.indexOf('\n', start)) {
        pieces.push(value.slice(start, nl));
        reader.feed(pieces.join(''));
        pieces = [];
        start = nl + 1;
      }
      if (start < value.length) pieces.push(value.slice(start));
      if (reader.failed || signal?.aborted) {
        await stream.cancel();
        break;
      }
    }
    if (signal?.aborted) return { ok: false, problems: ['reading was cancelled.'] };
    if (pieces.length) reader.feed(pieces.join(''));
  } catch (e) {
    const why = e instanceof TypeError && !gzipped ? 'it is not UTF-8 text' : 'it is damaged (its compressed data could not be read to the end)';
    return { ok: false, problems: [`this file cannot be read as a backup: ${why}.`] };
  }
  const outcome = reader.finish(content.hex());
  return outcome.ok ? { ok: true, value: upgradeBackup(outcome.value, db.verno) } : outcome;
}
