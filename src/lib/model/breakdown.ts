import { isRecord } from './is-record';
import type { IndicatorBreakdown } from './types';

const ID = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * A breakdown as a file, a backup or carried data brings it: a fresh object with only
 * `of`, `by` and `value`, or undefined when it is not one (the indicator then arrives
 * without it, its figures unchanged).
 */
export function readBreakdown(v: unknown): IndicatorBreakdown | undefined {
  if (!isRecord(v) || typeof v.of !== 'string' || !ID.test(v.of) || typeof v.by !== 'string' || typeof v.value !== 'string') return undefined;
  return { of: v.of, by: v.by, value: v.value };
}
