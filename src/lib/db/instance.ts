import bundleMeta from '../../../data/bundle-meta.json';
import bundleUrl from '../../../data/bundle.json?url';
import type { Bundle } from '../model/bundle';
import { bundledHash, loadBundle, type BundleLoadResult } from './bundled';
import { openDatabase, type LensDb } from './database';

let instance: LensDb | undefined;

/** The app's database, opened on first use. */
export function getDb(): LensDb {
  instance ??= openDatabase();
  return instance;
}

/**
 * Makes sure the bundled data is in the database. The bundle is a separate,
 * content-hashed file, so the initial JavaScript stays small and the service worker
 * can precache it; only its hash is compiled in, so a returning visitor whose
 * database already holds this bundle does not download or parse it again.
 */
export async function ensureBundledData(db: LensDb = getDb()): Promise<BundleLoadResult> {
  if ((await bundledHash(db)) === bundleMeta.hash) return 'unchanged';
  const res = await fetch(bundleUrl);
  if (!res.ok) throw new Error(`The bundled data could not be read (HTTP ${res.status}).`);
  return loadBundle(db, (await res.json()) as Bundle);
}
