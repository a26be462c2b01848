import { describe, expect, it } from 'vitest';
import { ErrorCode, FerryError, isFerryError } from './ferry-error.js';
import { isRetriesExhaustedError, RetriesExhaustedError } from './retries-exhausted-error.js';

describe('isFerryError', () => {
  it("takes Ferry's errors, also from another copy of Ferry (same shape, other prototype)", () => {
    expect(isFerryError(new FerryError(ErrorCode.Network, 'down'))).toBe(true);
    const fromOtherBundle = Object.assign(new Error('refused'), { name: 'StoreError', code: 'store' });
    expect(isFerryError(fromOtherBundle)).toBe(true);
  });

  it("refuses errors whose code is not one of Ferry's, such as Node's ECONNRESET", () => {
    const reset = Object.assign(new Error('socket hang up'), { name: 'SystemError', code: 'ECONNRESET' });
    expect(isFerryError(reset)).toBe(false);
    expect(isFerryError(Object.assign(new Error('x'), { code: 42 }))).toBe(false);
    expect(isFerryError({ name: 'FerryError', code: 'network', message: 'not an Error' })).toBe(false);
  });
});

describe('isRetriesExhaustedError', () => {
  it('takes the error that ends retries, with its attempt count, also from another copy of Ferry', () => {
    const cause = new FerryError(ErrorCode.Store, 'HTTP 500');
    const error = new RetriesExhaustedError(6, cause);
    expect(isRetriesExhaustedError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'retries-exhausted', attempts: 6, cause });
    expect(error.message).toBe('Gave up after 6 attempts: FerryError: HTTP 500');
    const fromOtherBundle = Object.assign(new Error('x'), { name: 'RetriesExhaustedError', code: 'retries-exhausted' });
    expect(isRetriesExhaustedError(fromOtherBundle)).toBe(true);
    expect(isRetriesExhaustedError(new FerryError(ErrorCode.Network, 'down'))).toBe(false);
  });
});
