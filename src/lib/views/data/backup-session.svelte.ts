/**
 * The Data view's backup and restore, as runes. Backing up writes one file of the
 * whole database. Restoring reads and checks the whole file first (nothing is
 * written until it has been read without a problem), shows what it holds, asks
 * whether to replace or merge, and writes in one transaction.
 */
import type { BackupContents } from '../../db/backup-format';
import { backupFileName, readBackupFile, writeBackup } from '../../db/backup';
import { bundledHash } from '../../db/bundled';
import type { LensDb } from '../../db/database';
import { listImports } from '../../db/queries';
import { restoreMerge, restoreReplace, summariseBackup, type BackupSummary } from '../../db/restore';
import { isQuotaError } from '../../db/storage';
import { formatBytes } from '../../model/format-bytes';
import type { ImportRecord } from '../../model/types';
import { errorMessage } from '../../model/errors';

export type RestoreMode = 'replace' | 'merge';

export type RestoreStep =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; percent: number }
  | { kind: 'confirm'; fileName: string; contents: BackupContents; summary: BackupSummary; here: ImportRecord[]; bundleHash: string | undefined }
  | { kind: 'writing'; fileName: string; mode: RestoreMode };

export interface BackupMessage {
  tone: 'error' | 'success' | 'info';
  text: string;
  details: string[];
}

const LAST_BACKUP_KEY = 'safeguarding-lens:last-backup';
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' });
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "8 April 2026 at 10:00", or the text as it is if it is not a date. */
export function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

export class BackupSession {
  step = $state.raw<RestoreStep>({ kind: 'idle' });
  message = $state.raw<BackupMessage | null>(null);
  backingUp = $state(false);
  private reading: AbortController | null = null;
  /** When this browser last made a backup (kept outside the database, so a backup does not change what it backs up). */
  lastBackup = $state<string | null>(readLastBackup());

  constructor(private readonly db: LensDb) {}

  /** Writes the whole database to one file and hands it to the browser to save. */
  async backUp(save: (blob: Blob, name: string) => void): Promise<void> {
    this.backingUp = true;
    this.message = { tone: 'info', text: 'Preparing the backup…', details: [] };
    try {
      const now = new Date();
      const { blob, records } = await writeBackup(this.db, now);
      const name = backupFileName(now);
      save(blob, name);
      this.lastBackup = now.toISOString();
      try {
        localStorage.setItem(LAST_BACKUP_KEY, this.lastBackup);
      } catch {
        // Private browsing may refuse: the reminder is a convenience.
      }
      this.message = { tone: 'success', text: `Backed up ${plural(records, 'record')} (${formatBytes(blob.size)}) to ${name}. Keep it somewhere safe: it holds everything in this browser.`, details: [] };
    } catch (e) {
      this.message = { tone: 'error', text: `The backup could not be made: ${errorMessage(e)}.`, details: [] };
    } finally {
      this.backingUp = false;
    }
  }

  /** Reads and checks a backup file, then asks how to restore it. */
  async choose(file: File): Promise<void> {
    if (this.step.kind === 'writing') return;
    this.message = null;
    this.reading?.abort();
    const reading = (this.reading = new AbortController());
    this.step = { kind: 'reading', fileName: file.name, percent: 0 };
    let last = 0;
    try {
      const read = await readBackupFile(
        this.db,
        file,
        (bytes, total) => {
          // At most a few updates a second: a large file comes in many small pieces.
          const now = performance.now();
          if (now - last < 150 || this.step.kind !== 'reading') return;
          last = now;
          this.step = { ...this.step, percent: total > 0 ? Math.round((bytes / total) * 100) : 0 };
        },
        reading.signal,
      );
      if (reading.signal.aborted) return;
      if (!read.ok) {
        this.step = { kind: 'idle' };
        this.message = { tone: 'error', text: `${file.name} cannot be restored: ${read.problems[0]} Nothing was changed.`, details: read.problems.slice(1) };
        return;
      }
      const here = (await listImports(this.db)).filter((i) => i.id !== 'bundled');
      const bundleHash = await bundledHash(this.db);
      this.step = { kind: 'confirm', fileName: file.name, contents: read.value, summary: summariseBackup(read.value), here, bundleHash };
    } catch (e) {
      this.step = { kind: 'idle' };
      this.message = { tone: 'error', text: `${file.name} could not be read: ${errorMessage(e)}. Nothing was changed.`, details: [] };
    }
  }

  cancel(): void {
    if (this.step.kind === 'writing') return;
    this.reading?.abort();
    const name = this.step.kind === 'idle' ? '' : this.step.fileName;
    this.step = { kind: 'idle' };
    if (name) this.message = { tone: 'info', text: `The restore from ${name} was cancelled. Nothing was changed.`, details: [] };
  }

  async restore(mode: RestoreMode): Promise<void> {
    const s = this.step;
    if (s.kind !== 'confirm') return;
    this.step = { kind: 'writing', fileName: s.fileName, mode };
    const made = when(s.summary.createdAt);
    try {
      if (mode === 'replace') {
        await restoreReplace(this.db, s.contents);
        this.message = {
          tone: 'success',
          text: `Restored the backup made on ${made}: this browser now holds the imports and edits it held then (${plural(s.summary.imports.length, 'import')}, ${plural(s.summary.importedObservations, 'imported figure')}). The published figures are this version’s own.`,
          details: [],
        };
      } else {
        const r = await restoreMerge(this.db, s.contents);
        const details = [
          ...r.added.map((i) => `Added ${i.fileName} (${plural(i.observations, 'figure')}).`),
          ...r.skipped.map((i) => `${i.fileName} was not added: ${i.why === 'same import' ? 'this browser holds that import already' : 'this browser holds an import of the same file'}.`),
        ];
        if (r.keptHere > 0) details.push(`${plural(r.keptHere, 'record')} of the added imports (areas, indicators or documents) were here already and were left as they are.`);
        const edits = r.edits > 0 ? ` and ${plural(r.edits, 'priority edit')} (newer than this browser’s)` : '';
        this.message = { tone: 'success', text: `Merged the backup made on ${made}: ${plural(r.added.length, 'import')} added${edits}.`, details };
      }
    } catch (e) {
      this.message = {
        tone: 'error',
        text: isQuotaError(e)
          ? `${s.fileName} was read, but the browser has no room left to store it. Nothing was changed: everything held before is still here. Free some space (undo an import you no longer need: the imports table shows about how much each takes; or clear other sites’ data) and try again.`
          : `${s.fileName} could not be restored (${errorMessage(e)}). Nothing was changed: everything held before is still here.`,
        details: [],
      };
    } finally {
      this.step = { kind: 'idle' };
    }
  }
}

function readLastBackup(): string | null {
  try {
    return localStorage.getItem(LAST_BACKUP_KEY);
  } catch {
    return null;
  }
}
