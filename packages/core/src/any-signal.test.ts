import { describe, expect, it } from 'vitest';
import { combineSignals } from './any-signal.js';

describe('combineSignals (AbortSignal.any where engines lack it)', () => {
  it('aborts with the reason of the first input that aborts, once', () => {
    const a = new AbortController();
    const b = new AbortController();
    const combined = combineSignals([a.signal, b.signal]);
    expect(combined.aborted).toBe(false);
    b.abort('second');
    a.abort('first');
    expect(combined.aborted).toBe(true);
    expect(combined.reason).toBe('second');
  });

  it('is aborted at once when an input already is', () => {
    const a = new AbortController();
    a.abort('early');
    const combined = combineSignals([new AbortController().signal, a.signal]);
    expect(combined.aborted).toBe(true);
    expect(combined.reason).toBe('early');
  });
});
