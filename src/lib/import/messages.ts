/** Messages between the app and the import worker: a discriminated union each way. */
import type { Issue } from './issues';
import type { FilterChoice } from './ees-filters';
import type { Progress } from './outcome';
import type { InspectOptions } from './pipeline';
import type { EesPlan, ImportPlan, Inspection, KnownData, ParsedFile } from './plan';

export type ToWorker =
  | { type: 'inspect'; id: number; file: File; known: KnownData; options: InspectOptions }
  | { type: 'parse'; id: number; file: File; plan: ImportPlan; known: KnownData; importId: string };

export type FromWorker =
  | { type: 'inspected'; id: number; inspection: Inspection }
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'parsed'; id: number; parsed: ParsedFile }
  | { type: 'failed'; id: number; issues: Issue[] };

/** The filter-listing worker (list.worker.ts). */
export type ToLister = { type: 'list'; id: number; file: File; ees: EesPlan };

export type FromLister =
  | { type: 'listed'; id: number; choices: FilterChoice[] }
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'failed'; id: number; issues: Issue[] };
