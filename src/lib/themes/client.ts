/**
 * The app's side of the themes worker: one worker, started on first use, through the
 * shared typed client (model/worker-rpc.ts). A long document reports its progress and
 * can be cancelled: cancel ends the worker, and the next document starts a new one.
 */
import { WorkerRpc } from '../model/worker-rpc';
import type { AreaName } from './guess-context';
import { formatOf } from './html-to-text';
import type { AnalysedResponse, AnalyseProgress, ThemesRequest, ThemesResponse } from './messages';

/** Thrown when a document's reading was cancelled. */
export class AnalyseCancelled extends Error {
  constructor() {
    super('Reading the document was cancelled.');
  }
}

const rpc = new WorkerRpc<ThemesRequest, ThemesResponse, AnalyseProgress>({
  create: () => new Worker(new URL('./themes.worker.ts', import.meta.url), { type: 'module' }),
  progressOf: (m) => (m.type === 'progress' ? m.progress : undefined),
  crashed: (why) => new Error(`The document could not be read: ${why}.`),
  cancelled: () => new AnalyseCancelled(),
});

export interface AnalyseOptions {
  onProgress?: (p: AnalyseProgress) => void;
  /** Aborting it cancels the reading (and anything else the worker is doing). */
  signal?: AbortSignal;
}

/** Reads, tags and guesses the area and year of a minutes or report file. */
export async function analyseFile(file: File, areas: AreaName[], opts: AnalyseOptions = {}): Promise<AnalysedResponse> {
  const format = formatOf(file.name);
  if (!format) throw new Error(`${file.name}: only .txt, .html and .md files can be taken in as minutes or reports.`);
  const bytes = await file.arrayBuffer();
  const reply = await rpc.request({ type: 'analyse', fileName: file.name, format, bytes, areas }, { transfer: [bytes], ...opts });
  if (reply.type === 'analysed') return reply;
  throw new Error(reply.type === 'failed' ? reply.message : 'The document could not be read.');
}
