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
            out.series++;
            out.observations += (c.value as { periods: Uint16Array }).periods.length;
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
