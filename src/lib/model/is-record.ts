/** A JSON object (not null, not an array): the first check on anything parsed from a file, link or backup. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
