/**
 * Declared record shapes, checked the same way wherever records arrive from outside
 * (a backup, the app's data file, carried data): a table of field checks, run in order,
 * the first wrong field refusing the record. What a spec does not declare is not kept.
 */
import { isRecord } from './is-record';

export type Rec = Record<string, unknown>;

/** A field check: undefined when the value is right, else what is wrong with it. Gets the whole record for checks that depend on another field. */
export type Check = (v: unknown, r: Rec) => string | undefined;

export interface TableSpec {
  /** The field records are keyed by, where they have one. */
  key?: string;
  /** Fields checked together with one message, before the others ("needs id, areaCode, period and label."). */
  together?: { fields: Record<string, Check>; why: string };
  /** Field checks, run in order: the first wrong field refuses the record. Where records keep only what is declared (declaredOnly), every field they may have is here. */
  fields: Record<string, Check>;
  /** Checks across fields, once each field is right. */
  whole?: (r: Rec) => string | undefined;
}

/** Why a record is refused: the field at fault ('' for the record as a whole) and what is wrong. */
export interface Refusal {
  field: string;
  why: string;
}

/** Checks a record against its spec: the first thing wrong with it, or undefined. */
export function refusal(spec: TableSpec, r: Rec): Refusal | undefined {
  if (spec.together && Object.entries(spec.together.fields).some(([f, check]) => check(r[f], r) !== undefined)) return { field: '', why: spec.together.why };
  for (const [field, check] of Object.entries(spec.fields)) {
    const why = check(r[field], r);
    if (why !== undefined) return { field, why };
  }
  const why = spec.whole?.(r);
  return why === undefined ? undefined : { field: '', why };
}

/** The record with only the fields its spec declares, in the record's own order (an absent one stays absent). */
export function declaredOnly(spec: TableSpec, r: Rec): Rec {
  const out: Rec = {};
  for (const field of Object.keys(r)) if (Object.hasOwn(spec.fields, field) || (spec.together && Object.hasOwn(spec.together.fields, field))) out[field] = r[field];
  return out;
}

// Checks of a value's type, worded to follow the field's name ("period is not a number").
export const isStr: Check = (v) => (typeof v === 'string' ? undefined : 'is not text');
export const isNum: Check = (v) => (typeof v === 'number' ? undefined : 'is not a number');
export const isObj: Check = (v) => (isRecord(v) ? undefined : 'is not an object');
export const isArr: Check = (v) => (Array.isArray(v) ? undefined : 'is not a list');
export const isBool: Check = (v) => (typeof v === 'boolean' ? undefined : 'is not true or false');
export const isStrs: Check = (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : 'is not a list of text');
/** Any value at all: a field declared so that it is kept. */
export const anything: Check = () => undefined;
export const oneOf =
  (...values: string[]): Check =>
  (v) =>
    values.includes(v as string) ? undefined : `is not one of ${values.join(', ')}`;
export const optional =
  (c: Check): Check =>
  (v, r) =>
    v === undefined ? undefined : c(v, r);
