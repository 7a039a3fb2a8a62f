/// <reference lib="webworker" />
/** Tags imported documents off the main thread. */
import { analyse } from './analyse';
import type { ThemesRequest, ThemesResponse } from './messages';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<ThemesRequest>) => {
  const req = e.data;
  let reply: ThemesResponse;
  try {
    reply = await analyse(req);
  } catch (err) {
    reply = { type: 'failed', id: req.id, message: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
};
