/// <reference lib="webworker" />
/** Tags imported documents off the main thread. */
import { analyse } from './analyse';
import { errorMessage } from '../model/errors';
import type { ThemesRequest, ThemesResponse } from './messages';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<ThemesRequest>) => {
  const req = e.data;
  let reply: ThemesResponse;
  try {
    reply = await analyse(req, (progress) => scope.postMessage({ type: 'progress', id: req.id, progress } satisfies ThemesResponse));
  } catch (err) {
    reply = { type: 'failed', id: req.id, message: errorMessage(err) };
  }
  scope.postMessage(reply);
};
