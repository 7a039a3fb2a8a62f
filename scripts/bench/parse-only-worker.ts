/**
 * The parse-only ceiling for the import benchmark: the same reader the import
 * worker uses (byte sniffing, decoding, PapaParse's parser in slices), counting
 * rows and doing nothing else. Built on the fly by import.bench.ts.
 */
import { readCsv } from '../../src/lib/import/csv-reader';
import { sniffBytes } from '../../src/lib/import/decode-text';

self.onmessage = async (e: MessageEvent<File>) => {
  const file = e.data;
  const t0 = performance.now();
  const s = sniffBytes(new Uint8Array(await file.slice(0, 65536).arrayBuffer()));
  if (s.kind !== 'text') throw new Error('not text');
  let rows = 0;
  for await (const batch of readCsv(file, { encoding: s.encoding, decided: s.decided })) rows += batch.rows.length;
  postMessage({ rows, ms: performance.now() - t0 });
};
