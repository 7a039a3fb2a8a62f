/**
 * What the Data view shows of the library in this browser, read live: every
 * import (with undo), the bundled sources, the export of every figure, and the
 * browser's storage for the site (re-read after every import, undo and restore).
 */
import type { LensDb } from '../../db/database';
import { collectExport } from '../../db/export';
import { editImportedIndicator, listImportedIndicators } from '../../db/indicator-edits';
import { setImportEdition, undoImport } from '../../db/imports';
import { live, type Live } from '../../db/live.svelte';
import { listImports, listSources } from '../../db/queries';
import { requestPersistence, storageState, type StorageState } from '../../db/storage';
import { buildAppFile } from '../../import/app-json';
import { observationsToCsv } from '../../import/export-csv';
import type { DataSource, ImportRecord, Indicator, Polarity } from '../../model/types';

export class LibraryModel {
  /** The browser's storage for this site; null until it has said. */
  storage: StorageState | null = $state.raw(null);
  readonly #db: LensDb;
  readonly #imports: Live<ImportRecord[]>;
  readonly #sources: Live<DataSource[]>;
  readonly #imported: Live<Indicator[]>;

  constructor(db: LensDb) {
    this.#db = db;
    this.#imports = live(
      () => null,
      () => listImports(db),
    );
    this.#sources = live(
      () => null,
      () => listSources(db),
    );
    this.#imported = live(
      () => null,
      () => listImportedIndicators(db),
    );
    // Imports, undo and restores change what is stored: the figures are read again after each.
    $effect(() => {
      void this.#imports.current;
      let stale = false;
      void storageState().then((s) => {
        if (!stale) this.storage = s;
      });
      return () => (stale = true);
    });
  }

  /** Every import, oldest first; undefined until read. */
  get imports(): ImportRecord[] | undefined {
    return this.#imports.current;
  }
  get sources(): DataSource[] | undefined {
    return this.#sources.current;
  }
  /** Indicators the user's imports brought, which the user may rename. */
  get importedIndicators(): Indicator[] | undefined {
    return this.#imported.current;
  }
  /** The first query that failed, if any. */
  get error(): Error | undefined {
    return this.#imports.error ?? this.#sources.error ?? this.#imported.error;
  }

  editIndicator(id: string, label: string, polarity: Polarity): Promise<void> {
    return editImportedIndicator(this.#db, id, { label, polarity });
  }

  setEdition(importId: string, edition: string): Promise<void> {
    return setImportEdition(this.#db, importId, edition);
  }

  undo(importId: string): Promise<void> {
    return undoImport(this.#db, importId);
  }

  /** Every figure held, as a CSV or the app's data file, with a dated file name. */
  async exportFile(kind: 'csv' | 'json'): Promise<{ text: string; name: string; type: string; figures: number }> {
    const data = await collectExport(this.#db);
    const stamp = new Date().toISOString().slice(0, 10);
    const figures = data.observations.length;
    return kind === 'csv'
      ? { text: observationsToCsv(data.observations, data.areas, data.indicators), name: `safeguarding-lens-${stamp}.csv`, type: 'text/csv', figures }
      : { text: JSON.stringify(buildAppFile(data, 'Exported from Safeguarding Lens')), name: `safeguarding-lens-${stamp}.json`, type: 'application/json', figures };
  }

  /** Asks the browser to keep the data; resolves to whether it agreed. */
  async askPersistence(): Promise<boolean> {
    const granted = await requestPersistence();
    this.storage = await storageState();
    return granted;
  }
}
