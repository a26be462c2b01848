import { describe, expect, it } from 'vitest';
import { ErrorCode, FerryError, isFerryError } from './ferry-error.js';

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
