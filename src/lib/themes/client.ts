/** Promise-based client for the themes worker: one worker, started on first use. */
import type { AreaName } from './guess-context';
import { formatOf } from './html-to-text';
import type { AnalysedResponse, ThemesRequest, ThemesResponse } from './messages';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: AnalysedResponse) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./themes.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<ThemesResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.type === 'analysed') p.resolve(e.data);
    else p.reject(new Error(e.data.message));
  };
  worker.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(`The document could not be read: ${e.message || 'the worker stopped'}.`));
    pending.clear();
    worker?.terminate();
    worker = undefined;
  };
  return worker;
}

/** Reads, tags and guesses the area and year of a minutes or report file. */
export async function analyseFile(file: File, areas: AreaName[]): Promise<AnalysedResponse> {
  const format = formatOf(file.name);
  if (!format) throw new Error(`${file.name}: only .txt, .html and .md files can be taken in as minutes or reports.`);
  const bytes = await file.arrayBuffer();
  const id = nextId++;
  const req: ThemesRequest = { type: 'analyse', id, fileName: file.name, format, bytes, areas };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage(req, [bytes]);
  });
}
