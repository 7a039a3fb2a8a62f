import type { AreaCode } from './types';

/** England's GSS code: the benchmark every authority is compared with. */
export const ENGLAND: AreaCode = 'E92000001';
