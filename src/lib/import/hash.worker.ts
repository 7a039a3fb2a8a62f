/// <reference lib="webworker" />
/**
 * Hashes a file off the main thread. Chromium's SHA-256 of a 70 MB file held the page
 * for about a second (measured December 2026 with a CPU profile of the import bench), so
 * the mapping step could not show, nor the import start, until it was done.
 */
import { sha256Hex } from '../model/sha256';

self.onmessage = async (e: MessageEvent<Blob>) => {
  try {
    self.postMessage({ hash: await sha256Hex(await e.data.arrayBuffer()) });
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
