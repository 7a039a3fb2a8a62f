/**
 * The Data view's import flow, one file at a time: first look → mapping step
 * (when the file needs one) → reading with progress → unknown areas (when there
 * are any) → one transaction. Files dropped together wait in a queue. Every
 * outcome ends in a message naming the file; nothing is stored unless the whole
 * file was read without an error.
 */
import type { LensDb } from '../../db/database';
import { commitImport, DuplicateImportError, findImportByHash, storageMessage } from '../../db/imports';
import { listAreas, listIndicators } from '../../db/queries';
import { buildAreaLookup, type UnknownArea } from '../../import/area-match';
import { fileHash, ImportCancelled, ImportClient, ImportFailed } from '../../import/client';
import { resolveUnknownAreas } from '../../import/custom-areas';
import { isDocumentFile } from '../../import/document-files';
import type { FilterChoice } from '../../import/ees-filters';
import { describeIssue, type Issue } from '../../import/issues';
import type { Progress } from '../../import/outcome';
import { applyLayout, layoutKey, layoutKeys } from '../../import/layout-key';
import type { ImportPlan, Inspection, KnownData, ParsedFile, SheetPlan } from '../../import/plan';
import { recallLayout, rememberLayout } from '../../db/layouts';
import { beginWork } from '../../model/activity';
import { errorMessage } from '../../model/errors';
import { DASHBOARD_EXTENSION } from '../../share/carry-format';
import { carrying } from '../share/carry-holder.svelte';

export type Step =
  | { kind: 'idle' }
  | { kind: 'inspecting'; file: File }
  | {
      kind: 'mapping';
      file: File;
      inspection: Inspection;
      known: KnownData;
      /** Why the last try with this mapping failed: the step re-opens with the user's choices and says so. */
      failed?: string[];
      /** The file whose confirmed mapping was offered again for this layout. */
      remembered?: string;
      /** Other sheets of the workbook already mapped for this import. */
      chosenSheets: SheetPlan[];
      /** An EES file's filters being listed from every row, beside the step: how far it has read. */
      listing?: Progress;
      /** Every value of each filter, once listed: the step joins them to the user's choices. */
      listed?: FilterChoice[];
      /** Why the filters could not be listed past the first rows. */
      listingFailed?: string;
    }
  | { kind: 'reading'; file: File; progress: Progress }
  | { kind: 'areas'; file: File; unknown: UnknownArea[] }
  | { kind: 'saving'; file: File };

export interface Message {
  id: number;
  tone: 'error' | 'success' | 'info';
  text: string;
  details: string[];
}

/** Where an import's time goes, for the browser's performance tools and the benchmark. */
function measure(name: string, start: number): void {
  performance.measure(name, { start, end: performance.now() });
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
}

/** Steps that wait for the user rather than for work. */
const WAITING: ReadonlySet<Step['kind']> = new Set(['idle', 'mapping', 'areas']);

export class ImportSession {
  #step = $state.raw<Step>({ kind: 'idle' });
  get step(): Step {
    return this.#step;
  }
  set step(step: Step) {
    this.#step = step;
    // The page does not read as ready while a file is being read or stored (model/activity.ts).
    if (WAITING.has(step.kind)) {
      this.working?.();
      this.working = null;
    } else this.working ??= beginWork();
  }
  private working: (() => void) | null = null;
  messages = $state.raw<Message[]>([]);
  queued = $state(0);

  private client = new ImportClient();
  private queue: File[] = [];
  /** EES .meta.csv files dropped with their data CSV, by the data file's name. */
  private metaFor = new Map<string, File>();
  private nextMessage = 1;
  /** The file in hand, with what has been learnt about it so far. */
  private current: {
    file: File;
    hash: Promise<string>;
    known: KnownData;
    plan?: ImportPlan;
    parsed?: ParsedFile;
    importId: string;
    /** The inspection the mapping step showed, to re-open it after a failure. */
    inspection?: Inspection;
    /** The first rows of each sheet shown, by sheet name ('' for a CSV): to remember its layout. */
    previews: Map<string, string[][]>;
    metaText?: string;
  } | null = null;

  /** `ondocument` takes the minutes and reports dropped in with data files. */
  constructor(
    private readonly db: LensDb,
    private readonly ondocument?: (file: File) => void,
  ) {}

  addFiles(files: Iterable<File>): void {
    const list = [...files];
    const names = new Set(list.map((f) => f.name.toLowerCase()));
    for (const f of list) {
      const base = /^(.*)\.meta\.csv$/i.exec(f.name)?.[1];
      // EES publishes each data file with a .meta.csv beside it: dropped together, they are read together.
      if (base !== undefined && names.has(`${base}.csv`.toLowerCase())) this.metaFor.set(`${base}.csv`.toLowerCase(), f);
      else if (base !== undefined) this.say('info', `${f.name} is the metadata of an EES data file: drop it together with ${base}.csv, or import the data set zip as downloaded.`);
      else this.queue.push(f);
    }
    this.queued = this.queue.length;
    if (this.step.kind === 'idle') {
      this.working ??= beginWork();
      void this.next();
    }
  }

  dismiss(id: number): void {
    this.messages = this.messages.filter((m) => m.id !== id);
  }

  private say(tone: Message['tone'], text: string, details: string[] = []): void {
    this.messages = [{ id: this.nextMessage++, tone, text, details }, ...this.messages].slice(0, 20);
  }

  private async next(): Promise<void> {
    this.current = null;
    const file = this.queue.shift();
    this.queued = this.queue.length;
    if (!file) {
      this.step = { kind: 'idle' };
      return;
    }
    if (isDocumentFile(file.name, await file.slice(0, 65536).text())) {
      if (this.ondocument) {
        this.ondocument(file);
        this.say('info', `${file.name} is minutes or a report: check its area and year under “Minutes and reports”.`);
      } else this.say('info', `${file.name} is a document: minutes and reports go through the minutes import, not the data import.`);
      return this.next();
    }
    if (file.name.toLowerCase().endsWith(DASHBOARD_EXTENSION)) {
      // A dashboard file dropped here opens as the shared view it is, with its own choice to save.
      carrying.fromFile(file);
      return this.next();
    }
    this.step = { kind: 'inspecting', file };
    try {
      const hash = fileHash(file);
      // A rejected hash is handled where it is awaited; this keeps it from being reported as unhandled meanwhile.
      hash.catch(() => undefined);
      const known = await this.known();
      const meta = this.metaFor.get(file.name.toLowerCase());
      this.metaFor.delete(file.name.toLowerCase());
      const metaText = meta ? await meta.text() : undefined;
      this.current = { file, hash, known, importId: crypto.randomUUID(), previews: new Map(), ...(metaText !== undefined ? { metaText } : {}) };
      const t = performance.now();
      const inspection = await this.client.inspect(file, known, metaText !== undefined ? { metaText } : {});
      measure('import: first look', t);
      // The hash of a large file takes a second of a core: the mapping step and the reading
      // do not wait for it. A file imported already stops as soon as its hash is known, and
      // storing checks again in any case.
      this.stopIfDuplicate(this.current);
      if (inspection.needsMapping) {
        await this.showMapping(inspection, []);
        return;
      }
      await this.read(inspection.plan);
    } catch (e) {
      // A cancel has already moved on to the next file.
      if (e instanceof ImportCancelled) return;
      this.fail(file, e);
      return this.next();
    }
  }

  /** The mapping step for an inspection, with the mapping remembered for its layout when there is one. */
  private async showMapping(inspection: Inspection, chosenSheets: SheetPlan[]): Promise<void> {
    const c = this.current!;
    let shown = inspection;
    let remembered: string | undefined;
    const plan = inspection.plan;
    if (plan.format === 'table') {
      // A sheet with the layout of one already chosen in this import is offered that mapping first.
      const same = chosenSheets.find((x) => layoutKey(inspection.preview[x.mapping.headerRow - 1] ?? []) === layoutKey(inspection.preview[plan.mapping.headerRow - 1] ?? []));
      const recalled = same ? { row: plan.mapping.headerRow, layout: { mapping: same.mapping, fileName: `sheet “${same.sheet}”` } } : await recallLayout(this.db, layoutKeys(inspection.preview)).catch(() => null);
      if (recalled) {
        shown = { ...inspection, plan: { ...plan, mapping: applyLayout(recalled.layout.mapping, recalled.row, plan.mapping) } };
        remembered = recalled.layout.fileName;
      }
    }
    // Stopped meanwhile (a duplicate, a cancel): this file's step is over.
    if (this.current !== c) return;
    c.inspection = shown;
    c.previews.set(inspection.sheet ?? '', inspection.preview.slice(0, 40));
    this.step = { kind: 'mapping', file: c.file, inspection: shown, known: c.known, chosenSheets, ...(remembered ? { remembered } : {}) };
    this.listAll(shown.plan);
  }

  /**
   * Lists every value of an EES file's filters while the mapping step shows the first
   * rows' values, so the user can choose at once: listing a large file is a pass over
   * all of it. Stopped when the user confirms or cancels.
   */
  private listAll(plan: ImportPlan): void {
    const c = this.current!;
    if (plan.format !== 'ees_tidy' || this.step.kind !== 'mapping' || this.step.inspection.previewComplete) return;
    const choices = plan.ees.choices ?? [];
    // Re-opened after a failed read with choices made from the full lists: nothing left to list.
    if (choices.length === 0 || choices.every((f) => f.complete)) return;
    const update = (change: { listing?: Progress; listed?: FilterChoice[]; listingFailed?: string }) => {
      if (this.current === c && this.step.kind === 'mapping') this.step = { ...this.step, ...change };
    };
    update({ listing: { rows: 0, bytes: 0, totalBytes: c.file.size } });
    const t = performance.now();
    this.client
      .listChoices(c.file, plan.ees, (listing) => update({ listing }))
      .then((listed) => {
        measure('import: listing the filters', t);
        update({ listed });
      })
      .catch((e: unknown) => {
        if (e instanceof ImportCancelled) return;
        update({ listingFailed: e instanceof ImportFailed && e.issues[0] ? describeIssue(c.file.name, e.issues[0]) : errorMessage(e) });
      });
  }

  /** Another worksheet of the workbook in the mapping step. */
  async chooseSheet(sheet: string): Promise<void> {
    const c = this.current;
    if (!c || this.step.kind !== 'mapping') return;
    const chosenSheets = this.step.chosenSheets.filter((x) => x.sheet !== sheet);
    try {
      const inspection = await this.client.inspect(c.file, c.known, { sheet });
      await this.showMapping(inspection, chosenSheets);
    } catch (e) {
      if (e instanceof ImportCancelled) return;
      this.fail(c.file, e);
      return this.next();
    }
  }

  /**
   * Keeps this sheet's mapping for the import and shows another sheet, so that one
   * import reads several sheets of a workbook, each with its own mapping.
   */
  async addSheet(plan: ImportPlan, nextSheet: string): Promise<void> {
    if (this.step.kind !== 'mapping' || plan.format !== 'table' || !plan.sheet) return;
    const chosen = [...this.step.chosenSheets.filter((x) => x.sheet !== plan.sheet), { sheet: plan.sheet, mapping: plan.mapping }];
    this.step = { ...this.step, chosenSheets: chosen };
    await this.chooseSheet(nextSheet);
  }

  /** Leaves a sheet chosen earlier out of the import. */
  dropSheet(sheet: string): void {
    if (this.step.kind !== 'mapping') return;
    this.step = { ...this.step, chosenSheets: this.step.chosenSheets.filter((x) => x.sheet !== sheet) };
  }

  /** The user confirmed (or corrected) the mapping: read with it, and with the sheets chosen before it. */
  async confirmMapping(plan: ImportPlan): Promise<void> {
    if (!this.current || this.step.kind !== 'mapping') return;
    const c = this.current;
    const chosenSheets = this.step.chosenSheets;
    const shown = c.inspection ?? this.step.inspection;
    const combined: ImportPlan =
      chosenSheets.length > 0 && plan.format === 'table' && plan.sheet ? { format: 'sheets', sheets: [...chosenSheets.filter((x) => x.sheet !== plan.sheet), { sheet: plan.sheet, mapping: plan.mapping }] } : plan;
    // What was chosen is what is read: values still to be listed would not change it.
    this.client.stopListing();
    try {
      await this.read(combined);
    } catch (e) {
      if (e instanceof ImportCancelled) return;
      if (e instanceof ImportFailed && (plan.format === 'table' || plan.format === 'ees_tidy')) {
        // Nothing the user chose is lost: the step re-opens with the same choices and says what went wrong.
        this.fail(c.file, e);
        c.parsed = undefined;
        this.step = { kind: 'mapping', file: c.file, inspection: { ...shown, plan }, known: c.known, chosenSheets, failed: this.issueLines(c.file, e) };
        this.listAll(plan);
        return;
      }
      this.fail(c.file, e);
      return this.next();
    }
  }

  private issueLines(file: File, e: ImportFailed): string[] {
    return e.issues.filter((i: Issue) => i.severity === 'error').map((i) => describeIssue(file.name, i));
  }

  private async read(plan: ImportPlan): Promise<void> {
    const c = this.current!;
    c.plan = plan;
    this.step = { kind: 'reading', file: c.file, progress: { rows: 0, bytes: 0, totalBytes: c.file.size } };
    const t = performance.now();
    const parsed = await this.client.parse(c.file, plan, c.known, c.importId, (progress) => {
      if (this.step.kind === 'reading') this.step = { kind: 'reading', file: c.file, progress };
    });
    measure('import: reading', t);
    c.parsed = parsed;
    if (parsed.unknownAreas.length > 0) {
      this.step = { kind: 'areas', file: c.file, unknown: parsed.unknownAreas };
      return;
    }
    await this.commit(false);
    return this.next();
  }

  /** The user decided about unknown areas: keep them as custom areas, or leave their rows out. */
  async decideAreas(keep: boolean): Promise<void> {
    if (!this.current?.parsed || this.step.kind !== 'areas') return;
    try {
      await this.commit(keep);
    } catch (e) {
      this.fail(this.current.file, e);
    }
    return this.next();
  }

  /** Cancel whatever is under way for the current file; nothing of it is stored. */
  cancel(): void {
    const c = this.current;
    if (!c || this.step.kind === 'saving') return;
    this.client.cancel();
    this.say('info', `The import of ${c.file.name} was cancelled. Nothing was stored.`);
    void this.next();
  }

  private async commit(keepAreas: boolean): Promise<void> {
    const c = this.current!;
    const parsed = c.parsed!;
    this.step = { kind: 'saving', file: c.file };
    const taken = new Set((await listAreas(this.db)).map((a) => a.code));
    const resolved = resolveUnknownAreas(parsed.series, parsed.unknownAreas, keepAreas, taken);
    const warnings = parsed.warnings.map((w) => w.message);
    if (resolved.dropped > 0) {
      warnings.push(`${count(resolved.dropped, 'figure')} for ${count(parsed.unknownAreas.length, 'area')} the app does not know ${resolved.dropped === 1 ? 'was' : 'were'} left out: ${parsed.unknownAreas.map((u) => u.name).join(', ')}.`);
    }
    try {
      const t = performance.now();
      const hash = await c.hash;
      measure('import: waiting for the hash', t);
      const record = await commitImport(this.db, {
        record: { id: c.importId, fileName: c.file.name, hash, kind: parsed.kind, importedAt: new Date().toISOString(), warnings },
        areas: [...parsed.areas, ...resolved.areas],
        indicators: parsed.indicators,
        series: resolved.series,
        documents: parsed.documents,
        priorities: parsed.priorities,
        ...(parsed.themeLinks ? { themeLinks: parsed.themeLinks } : {}),
      });
      measure('import: storing', t);
      await this.rememberMapping(c.plan);
      const n = record.counts;
      const parts = [count(n.observations, 'figure'), `${count(resolved.series.length, 'indicator')} (${n.indicators} new)`];
      if (n.areas) parts.push(`${count(n.areas, 'new area')}`);
      if (n.documents) parts.push(count(n.documents, 'document'));
      this.say('success', `Imported ${c.file.name}: ${parts.join(', ')}.`, warnings);
    } catch (e) {
      if (e instanceof DuplicateImportError) this.duplicate(c.file, e.existing.importedAt, e.existing.fileName);
      else this.say('error', `${c.file.name} was read, but ${storageMessage(e)}`);
    }
  }

  /** The mappings the user confirmed, by layout, for next year's edition of the same table. */
  private async rememberMapping(plan: ImportPlan | undefined): Promise<void> {
    const c = this.current!;
    const mappings = plan?.format === 'table' ? [{ mapping: plan.mapping, sheet: plan.sheet }] : plan?.format === 'sheets' ? plan.sheets : [];
    const rows = (sheet: string | undefined) => c.previews.get(sheet ?? '') ?? null;
    for (const m of mappings) {
      const preview = rows(m.sheet);
      const key = preview ? layoutKey(preview[m.mapping.headerRow - 1] ?? []) : null;
      if (key) await rememberLayout(this.db, key, { mapping: { ...m.mapping, fixedPeriod: null }, fileName: c.file.name, savedAt: new Date().toISOString() }).catch(() => undefined);
    }
  }

  /** Once the file's hash is known: if it was imported already and is still in hand, stop it there. */
  private stopIfDuplicate(c: NonNullable<typeof this.current>): void {
    c.hash
      .then((hash) => findImportByHash(this.db, hash))
      .then((existing) => {
        if (!existing || this.current !== c || this.step.kind === 'saving') return;
        this.client.cancel();
        this.duplicate(c.file, existing.importedAt, existing.fileName);
        void this.next();
      })
      // A hash that fails is reported where storing awaits it.
      .catch(() => undefined);
  }

  private duplicate(file: File, when: string, as?: string): void {
    const date = new Date(when).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    this.say('info', `${file.name} was imported already${as && as !== file.name ? ` (as ${as})` : ''} on ${date}, so nothing was added. Undo that import first to import the file again.`);
  }

  private fail(file: File, e: unknown): void {
    if (e instanceof ImportFailed) {
      const errors = e.issues.filter((i: Issue) => i.severity === 'error');
      const first = errors[0] ?? e.issues[0];
      this.say('error', `${first ? describeIssue(file.name, first) : `${file.name} could not be read.`} Nothing was stored.`, errors.slice(1).map((i) => describeIssue(file.name, i)));
      return;
    }
    this.say('error', `${file.name} could not be imported: ${errorMessage(e)}. Nothing was stored.`);
  }

  private async known(): Promise<KnownData> {
    const [areas, indicators] = await Promise.all([listAreas(this.db), listIndicators(this.db)]);
    return { areas: buildAreaLookup(areas), indicators: indicators.map((i) => ({ id: i.id, label: i.label, shortLabel: i.shortLabel })) };
  }
}
