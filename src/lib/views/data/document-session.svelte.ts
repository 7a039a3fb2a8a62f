/**
 * The minutes import, as runes (DocumentImport renders it): the areas to choose from and
 * the documents imported so far (with undo), read live; a file is read and tagged
 * in the themes worker with a progress line and Cancel, the area and year guessed from
 * the text are confirmed or corrected, and the document, its themes, its priorities and
 * the import record are written in one transaction. Documents handed over from "Import
 * data" wait in a queue, one confirmation at a time.
 */
import type { LensDb } from '../../db/database';
import { storageMessage, undoImport } from '../../db/imports';
import { isQuotaError } from '../../db/storage';
import { live, type Live } from '../../db/live.svelte';
import { listAreas } from '../../db/queries';
import { listDocumentImports, storeDocumentImport } from '../../db/document-store';
import { areaNameKey, isAreaCode } from '../../model/area-names';
import { errorMessage } from '../../model/errors';
import { formatPeriod } from '../../model/period';
import { count } from '../../model/words';
import type { Area, ImportRecord, SourceDocument } from '../../model/types';
import { encodeHash } from '../../state/url-codec';
import type { AnalysedResponse, AnalyseProgress } from '../../themes/messages';
import { recordsFromResult } from '../../themes/records';
import { beginWork } from '../../model/activity';

export type Step =
  | { kind: 'idle' }
  | { kind: 'reading'; file: File; progress: AnalyseProgress }
  | { kind: 'confirm'; file: File; analysed: AnalysedResponse }
  | { kind: 'saving'; file: File; analysed: AnalysedResponse };

/** What the user confirms: filled from the guess, edited in the form. */
export interface DocumentForm {
  areaText: string;
  period: number | '';
  title: string;
  meetingDate: string;
}

export class DocumentSession {
  step = $state.raw<Step>({ kind: 'idle' });
  form = $state<DocumentForm>({ areaText: '', period: '', title: '', meetingDate: '' });
  error = $state('');
  done = $state.raw<{ message: string; link: string } | null>(null);
  /** Documents waiting for their turn. */
  waiting = $state.raw<File[]>([]);
  private reading: AbortController | null = null;
  readonly #areas: Live<Area[]>;
  readonly #imports: Live<ImportRecord[]>;

  constructor(private readonly db: LensDb) {
    this.#areas = live(
      () => null,
      () => listAreas(db),
    );
    this.#imports = live(
      () => null,
      () => listDocumentImports(db),
    );
  }

  /** The areas held now: the guess chooses among them and the form resolves a name to one. */
  private areas(): readonly Area[] {
    return this.#areas.current ?? [];
  }

  /** The areas to offer in the form, by name. */
  get areaOptions(): Area[] {
    return [...this.areas()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Documents imported so far, oldest first; undefined until read. */
  get imports(): ImportRecord[] | undefined {
    return this.#imports.current;
  }

  /** The first query that failed, if any. */
  get readError(): Error | undefined {
    return this.#areas.error ?? this.#imports.error;
  }

  /** Undoes a document import whole; the success message of the last import makes way. */
  async undo(i: ImportRecord): Promise<void> {
    try {
      await undoImport(this.db, i.id);
      this.done = null;
    } catch (e) {
      this.error = `The import of ${i.fileName} could not be undone: ${errorMessage(e)}`;
    }
  }

  /** Takes documents chosen with other files under "Import data". */
  take(files: File[]): void {
    this.waiting = [...this.waiting, ...files];
    if (this.step.kind === 'idle') void this.next();
  }

  /** A file chosen in the minutes input: the last success message makes way. */
  choose(file: File): void {
    this.done = null;
    void this.analyse(file);
  }

  private async next(): Promise<void> {
    const [file, ...rest] = this.waiting;
    if (!file) return;
    this.waiting = rest;
    await this.analyse(file);
  }

  /** Reads one file; the last success message stays up while queued documents follow. */
  private async analyse(file: File): Promise<void> {
    this.reading?.abort();
    const reading = (this.reading = new AbortController());
    this.error = '';
    this.step = { kind: 'reading', file, progress: { stage: 'Reading the file', fraction: 0 } };
    // The page does not read as ready while a document is read (model/activity.ts).
    const done = beginWork();
    try {
      const areas = this.areas()
        .filter((a) => a.level === 'local_authority')
        .map((a) => ({ code: a.code, name: a.name, aliases: a.aliases }));
      // The worker client is loaded on first use, so the Data page stays light until a file is chosen.
      const { analyseFile } = await import('../../themes/client');
      const analysed = await analyseFile(file, areas, {
        signal: reading.signal,
        onProgress: (progress) => {
          if (this.step.kind === 'reading' && this.step.file === file) this.step = { kind: 'reading', file, progress };
        },
      });
      const best = analysed.guess.areas[0];
      this.form = {
        areaText: best ? best.name : '',
        period: analysed.guess.period ?? '',
        title: analysed.guess.title ?? file.name.replace(/\.[^.]+$/, ''),
        meetingDate: analysed.guess.meetingDate ?? '',
      };
      this.step = { kind: 'confirm', file, analysed };
    } catch (e) {
      if (reading.signal.aborted) return;
      this.error = `${file.name}: ${errorMessage(e)}`;
      this.step = { kind: 'idle' };
      void this.next();
    } finally {
      done();
    }
  }

  /** Stops reading the current file, or drops the one waiting for confirmation; nothing is stored. */
  cancel(): void {
    const s = this.step;
    if (s.kind === 'saving') return;
    if (s.kind === 'reading') {
      this.reading?.abort();
      this.error = `Reading ${s.file.name} was cancelled. Nothing was stored.`;
    }
    this.step = { kind: 'idle' };
    void this.next();
  }

  private resolveArea(text: string): Area | undefined {
    const t = text.trim();
    const all = this.areas();
    if (isAreaCode(t.toUpperCase())) return all.find((a) => a.code === t.toUpperCase());
    const k = areaNameKey(t);
    return all.find((a) => [a.name, ...a.aliases].some((n) => areaNameKey(n) === k));
  }

  /** The user confirmed the area, year, title and date: one transaction. */
  async confirm(): Promise<void> {
    const s = this.step;
    if (s.kind !== 'confirm') return;
    const { file, analysed } = s;
    const f = this.form;
    const area = this.resolveArea(f.areaText);
    if (!area) {
      this.error = `“${f.areaText}” is not an area in the list. Type a few letters and choose one.`;
      return;
    }
    if (f.period === '') {
      this.error = 'Choose the reporting year the document is about.';
      return;
    }
    if (f.meetingDate && !/^\d{4}-\d{2}-\d{2}$/.test(f.meetingDate)) {
      this.error = 'Write the meeting date as a date, or leave it empty.';
      return;
    }
    const period = f.period;
    this.error = '';
    this.step = { kind: 'saving', file, analysed };
    const importId = `doc-import-${crypto.randomUUID()}`;
    const document: SourceDocument = {
      id: `doc-${analysed.hash.slice(0, 16)}`,
      areaCode: area.code,
      period,
      title: f.title.trim() || file.name,
      ...(f.meetingDate ? { meetingDate: f.meetingDate } : {}),
      source: file.name,
      text: analysed.text,
      hash: analysed.hash,
      importId,
    };
    const { mentions, priorities } = recordsFromResult(document, analysed.result);
    const record: ImportRecord = {
      id: importId,
      fileName: file.name,
      hash: analysed.hash,
      kind: 'document',
      importedAt: new Date().toISOString(),
      counts: { areas: 0, indicators: 0, observations: 0, documents: 1, priorities: priorities.length },
      warnings: analysed.encoding === 'utf-8' ? [] : [`Read as ${analysed.encoding}: the file was not UTF-8.`],
    };
    try {
      await storeDocumentImport(this.db, { record, document, mentions, priorities });
      const themes = mentions.filter((m) => m.present).length;
      this.done = {
        message: `Imported “${document.title}” for ${area.name}, ${formatPeriod(period)}: ${count(themes, 'theme')} and ${count(priorities.length, 'priority', 'priorities')} found.`,
        link: encodeHash({ name: 'themes', areas: [area.code], from: period, to: period }),
      };
      this.step = { kind: 'idle' };
      void this.next();
    } catch (e) {
      this.error = isQuotaError(e) ? `${file.name} was read, but ${storageMessage(e)}` : errorMessage(e);
      this.step = { kind: 'confirm', file, analysed };
    }
  }
}
