import { describe, expect, it } from 'vitest';
import { combineSignals } from './any-signal.js';

describe('combineSignals (AbortSignal.any where engines lack it)', () => {
  it('aborts with the reason of the first input that aborts, once', () => {
    const a = new AbortController();
    const b = new AbortController();
    const { signal: combined } = combineSignals([a.signal, b.signal]);
    expect(combined.aborted).toBe(false);
    b.abort('second');
    a.abort('first');
    expect(combined.aborted).toBe(true);
    expect(combined.reason).toBe('second');
  });

  it('lets go of its inputs once disposed: a later abort of an input no longer reaches it', () => {
    const input = new AbortController();
    const { signal, dispose } = combineSignals([input.signal]);
    dispose();
    input.abort('late');
    expect(signal.aborted).toBe(false);
  });

  it('is aborted at once when an input already is', () => {
    const a = new AbortController();
    a.abort('early');
    const { signal: combined } = combineSignals([new AbortController().signal, a.signal]);
    expect(combined.aborted).toBe(true);
    expect(combined.reason).toBe('early');
  });
});
