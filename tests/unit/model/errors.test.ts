import { describe, expect, it } from 'vitest';
import { asError, errorMessage } from '../../../src/lib/model/errors';

describe('errors', () => {
  it('gives an Error’s message, or a thrown value as text', () => {
    expect(errorMessage(new TypeError('bad row'))).toBe('bad row');
    expect(errorMessage('quota exceeded')).toBe('quota exceeded');
  });

  it('keeps a thrown Error as it is (its type and stack) and wraps anything else', () => {
    const e = new RangeError('out of range');
    expect(asError(e)).toBe(e);
    const wrapped = asError({ toString: () => 'a rejected object' });
    expect(wrapped).toBeInstanceOf(Error);
    expect(wrapped.message).toBe('a rejected object');
  });
});
