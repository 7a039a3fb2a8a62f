/** Messages between the app and the themes worker (themes.worker.ts). */
import type { ContextGuess, AreaName } from './guess-context';
import type { DocumentFormat } from './html-to-text';
import type { TagResult } from './tagger';

export interface AnalyseRequest {
  type: 'analyse';
  id: number;
  fileName: string;
  format: DocumentFormat;
  /** The file's bytes (transferred, not copied). */
  bytes: ArrayBuffer;
  /** Areas the guess may choose from. */
  areas: AreaName[];
}

export interface AnalysedResponse {
  type: 'analysed';
  id: number;
  /** The document's plain text: offsets in `result` point into it. */
  text: string;
  /** SHA-256 of the bytes, hex, to spot a file taken in twice. */
  hash: string;
  /** "utf-8" or "windows-1252". */
  encoding: string;
  result: TagResult;
  guess: ContextGuess;
  /** Labels of the taxonomy's themes by id, so the page need not load the taxonomy. */
  labels: Record<string, string>;
}

/** How far the worker has got with a document: a stage in words and the share done (0–1). */
export interface AnalyseProgress {
  stage: string;
  fraction: number;
}

export interface ProgressResponse {
  type: 'progress';
  id: number;
  progress: AnalyseProgress;
}

export interface FailedResponse {
  type: 'failed';
  id: number;
  message: string;
}

export type ThemesRequest = AnalyseRequest;
export type ThemesResponse = AnalysedResponse | ProgressResponse | FailedResponse;
