/**
 * The app's side of the import worker: promises for inspect and parse, progress
 * events, and cancel. Cancel ends the worker outright (a new one starts on the
 * next request), so a cancelled 200 MB parse stops at once, mid-slice.
 */
import type { Issue } from './issues';
import type { FromWorker, ToWorker } from './messages';
import type { Progress } from './pipeline';
import type { ImportPlan, Inspection, KnownData, ParsedFile } from './plan';

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

type Request = ToWorker extends infer T ? (T extends ToWorker ? Omit<T, 'id'> : never) : never;
type Pending = { resolve: (m: FromWorker) => void; reject: (e: Error) => void; onProgress?: (p: Progress) => void };

export class ImportClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  private get w(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const p = this.pending.get(e.data.id);
        if (!p) return;
        if (e.data.type === 'progress') {
          p.onProgress?.(e.data.progress);
          return;
        }
        this.pending.delete(e.data.id);
        p.resolve(e.data);
      };
      this.worker.onerror = (e) => {
        // A crash (out of memory, say) fails everything in flight; the next request starts afresh.
        const err = new ImportFailed([{ severity: 'error', message: `the import stopped unexpectedly (${e.message || 'the worker failed'}). Nothing was stored.` }]);
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
        this.worker?.terminate();
        this.worker = null;
      };
    }
    return this.worker;
  }

  private request(msg: Request, onProgress?: (p: Progress) => void): Promise<FromWorker> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      this.w.postMessage({ ...msg, id } as ToWorker);
    });
  }

  async inspect(file: File, known: KnownData, sheet?: string): Promise<Inspection> {
    const res = await this.request({ type: 'inspect', file, known, ...(sheet !== undefined ? { sheet } : {}) });
    if (res.type === 'inspected') return res.inspection;
    throw new ImportFailed(res.type === 'failed' ? res.issues : []);
  }

  async parse(file: File, plan: ImportPlan, known: KnownData, importId: string, onProgress?: (p: Progress) => void): Promise<ParsedFile> {
    const res = await this.request({ type: 'parse', file, plan, known, importId }, onProgress);
    if (res.type === 'parsed') return res.parsed;
    throw new ImportFailed(res.type === 'failed' ? res.issues : []);
  }

  /** Stops whatever the worker is doing; pending promises reject with ImportCancelled. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new ImportCancelled());
    this.pending.clear();
  }
}

/** SHA-256 of a file's bytes, hex: how a second import of the same file is recognised. */
export async function fileHash(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
