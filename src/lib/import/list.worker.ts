/// <reference lib="webworker" />
/**
 * Lists every value of an EES file's filters beside the mapping step (list-values.ts),
 * in a worker of its own so that the import worker is free to read the file as soon as
 * the user confirms, and this one can be stopped then.
 */
import { listChoices } from './list-values';
import type { FromLister, ToLister } from './messages';

const post = (msg: FromLister) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

self.onmessage = async (e: MessageEvent<ToLister>) => {
  const { id, file, ees } = e.data;
  const out = await listChoices(file, ees, (progress) => post({ type: 'progress', id, progress }));
  post(out.ok ? { type: 'listed', id, choices: out.value } : { type: 'failed', id, issues: out.issues });
};
