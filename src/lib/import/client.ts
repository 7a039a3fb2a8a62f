/**
 * The app's side of the import worker: promises for inspect and parse, progress
 * events, and cancel. Cancel ends the worker outright (a new one starts on the
 * next request), so a cancelled 200 MB parse stops at once, mid-slice.
 */
import { WorkerRpc } from '../model/worker-rpc';
import { trackWork } from '../model/activity';
import type { Issue } from './issues';
import type { FilterChoice } from './ees-filters';
import type { FromLister, FromWorker, ToLister, ToWorker } from './messages';
import type { Progress } from './outcome';
import type { InspectOptions } from './pipeline';
import type { EesPlan, ImportPlan, Inspection, KnownData, ParsedFile } from './plan';

export class ImportFailed extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues[0]?.message ?? 'The file could not be read.');
  }
}

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled.');
  }
}

export class ImportClient {
  private rpc = new WorkerRpc<ToWorker, FromWorker, Progress>({
    create: () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }),
    progressOf: (m) => (m.type === 'progress' ? m.progress : undefined),
    crashed: (why) => new ImportFailed([{ severity: 'error', message: `the import stopped unexpectedly (${why}). Nothing was stored.` }]),
    cancelled: () => new ImportCancelled(),
  });

  /** Lists an EES file's filters from every row, in a worker of its own, beside the mapping step. */
  private lister = new WorkerRpc<ToLister, FromLister, Progress>({
    create: () => new Worker(new URL('./list.worker.ts', import.meta.url), { type: 'module' }),
    progressOf: (m) => (m.type === 'progress' ? m.progress : undefined),
    crashed: (why) => new ImportFailed([{ severity: 'error', message: `listing the values of the file's filters stopped unexpectedly (${why}).` }]),
    cancelled: () => new ImportCancelled(),
  });

  async inspect(file: File, known: KnownData, options: InspectOptions = {}): Promise<Inspection> {
    const res = await this.rpc.request({ type: 'inspect', file, known, options });
    if (res.type === 'inspected') return res.inspection;
    throw new ImportFailed(res.type === 'failed' ? res.issues : []);
  }

  /** Every value of each filter of an EES file, counted over the whole file. */
  async listChoices(file: File, ees: EesPlan, onProgress?: (p: Progress) => void): Promise<FilterChoice[]> {
    const res = await this.lister.request({ type: 'list', file, ees }, onProgress ? { onProgress } : {});
    if (res.type === 'listed') return res.choices;
    throw new ImportFailed(res.type === 'failed' ? res.issues : []);
  }

  /** Stops listing; the promise of `listChoices` rejects with ImportCancelled. */
  stopListing(): void {
    this.lister.cancel();
  }

  async parse(file: File, plan: ImportPlan, known: KnownData, importId: string, onProgress?: (p: Progress) => void): Promise<ParsedFile> {
    const res = await this.rpc.request({ type: 'parse', file, plan, known, importId }, onProgress ? { onProgress } : {});
    if (res.type === 'parsed') return res.parsed;
    throw new ImportFailed(res.type === 'failed' ? res.issues : []);
  }

  /** Stops whatever the workers are doing; pending promises reject with ImportCancelled. */
  cancel(): void {
    this.rpc.cancel();
    this.lister.cancel();
  }
}

/**
 * SHA-256 of a file's bytes, hex: how a second import of the same file is recognised.
 * Computed in a worker of its own, so the page stays free and the import worker reads
 * beside it.
 */
export function fileHash(file: Blob): Promise<string> {
  const worker = new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' });
  const hashed = new Promise<string>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ hash?: string; error?: string }>) => {
      if (e.data.hash) resolve(e.data.hash);
      else reject(new Error(e.data.error ?? 'the file could not be hashed'));
    };
    worker.onerror = (e) => reject(new Error(e.message || 'the file could not be hashed'));
    worker.postMessage(file);
  });
  return trackWork(hashed.finally(() => worker.terminate()));
}
