import type { Page } from '@playwright/test';

export interface StoreCounts {
  areas: number;
  indicators: number;
  series: number;
  imports: number;
  observations: number;
}

/** Record counts straight from IndexedDB, without going through the app. */
export async function storeCounts(page: Page): Promise<StoreCounts> {
  return page.evaluate(
    () =>
      new Promise<StoreCounts>((resolve, reject) => {
        const req = indexedDB.open('safeguarding-lens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['areas', 'indicators', 'series', 'imports'], 'readonly');
          const out = { areas: 0, indicators: 0, series: 0, imports: 0, observations: 0 };
          for (const name of ['areas', 'indicators', 'imports'] as const) {
            const r = tx.objectStore(name).count();
            r.onsuccess = () => (out[name] = r.result);
          }
          const cursor = tx.objectStore('series').openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) return;
            // Series are stored several to a record (src/lib/db/series-packs.ts): count the series.
            for (const s of (c.value as { series: { periods: Uint16Array }[] }).series) {
              out.series++;
              out.observations += s.periods.length;
            }
            c.continue();
          };
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}
