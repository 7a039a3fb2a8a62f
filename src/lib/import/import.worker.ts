/// <reference lib="webworker" />
/**
 * The import worker: parses files off the main thread and posts back plain data,
 * transferring the series' typed arrays instead of copying them.
 */
import type { FromWorker, ToWorker } from './messages';
import { inspect, parse } from './pipeline';

const post = (msg: FromWorker, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg, transfer);

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  if (msg.type === 'inspect') {
    const out = await inspect(msg.file, msg.known, msg.options);
    post(out.ok ? { type: 'inspected', id: msg.id, inspection: out.value } : { type: 'failed', id: msg.id, issues: out.issues });
    return;
  }
  const out = await parse(msg.file, msg.plan, msg.known, {
    importId: msg.importId,
    onProgress: (progress) => post({ type: 'progress', id: msg.id, progress }),
  });
  if (!out.ok) {
    post({ type: 'failed', id: msg.id, issues: out.issues });
    return;
  }
  const transfer: Transferable[] = [];
  for (const s of out.value.series) {
    transfer.push(s.areaIndex.buffer, s.periods.buffer, s.values.buffer, s.statuses.buffer);
    if (s.numerators) transfer.push(s.numerators.buffer);
    if (s.denominators) transfer.push(s.denominators.buffer);
  }
  post({ type: 'parsed', id: msg.id, parsed: out.value }, transfer);
};
