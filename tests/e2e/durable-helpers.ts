import type { Page } from '@playwright/test';

export type Tables = Record<string, Record<string, unknown>[]>;

/** Every record of every store, straight from IndexedDB (typed arrays come back as typed arrays). */
/**
 * The bundled data's import record says when this browser loaded the bundle. A restore
 * keeps this browser's bundled records (it never takes published figures from a
 * backup), so comparisons across a wipe and restore leave that time out.
 */
export function withoutBundleLoadTime(t: Tables): Tables {
  return { ...t, imports: (t['imports'] ?? []).map((i) => (i['id'] === 'bundled' ? { ...i, importedAt: '' } : i)) };
}

export async function dumpStores(page: Page): Promise<Tables> {
  return page.evaluate(
    () =>
      new Promise<Tables>((resolve, reject) => {
        const req = indexedDB.open('safeguarding-lens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Tables = {};
          for (const name of names) {
            const r = tx.objectStore(name).getAll();
            r.onsuccess = () => (out[name] = r.result as Record<string, unknown>[]);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/**
 * Creates the database as version 1 of the app created it (Dexie's native version
 * 10, the same stores and indexes) and fills it with `tables`, before the app runs.
 * `stores` is version 1's schema in Dexie's syntax.
 */
export async function createV1Database(page: Page, stores: Record<string, string>, tables: Tables): Promise<void> {
  await page.evaluate(
    ({ stores, tables }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('safeguarding-lens', 10);
        req.onupgradeneeded = () => {
          const db = req.result;
          for (const [name, spec] of Object.entries(stores)) {
            const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
            const keyPath = (s: string) => (s.startsWith('[') ? s.slice(1, -1).split('+') : s);
            const store = db.createObjectStore(name, { keyPath: keyPath(primary!.replace(/^[&*]|^\+\+/, '')) });
            for (const ix of indexes) {
              const bare = ix.replace(/^[&*]/, '');
              store.createIndex(bare, keyPath(bare), { unique: ix.startsWith('&'), multiEntry: ix.startsWith('*') });
            }
          }
          for (const [name, records] of Object.entries(tables)) for (const r of records) req.transaction!.objectStore(name).add(r);
        };
        req.onsuccess = () => {
          req.result.close();
          resolve();
        };
        req.onerror = () => reject(req.error);
      }),
    { stores, tables },
  );
}

/**
 * From the next page load on, `window.__failWritesAfter = n` makes IndexedDB refuse
 * writes for lack of room after n more puts or adds, as a full disk does part-way
 * through a transaction.
 */
export async function simulateFullDisk(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __failWritesAfter?: number };
    const proto = IDBObjectStore.prototype;
    for (const method of ['put', 'add'] as const) {
      const original = proto[method];
      proto[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
        if (w.__failWritesAfter !== undefined && w.__failWritesAfter-- <= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      } as typeof original;
    }
  });
}
