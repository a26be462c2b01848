import { describe, expect, it } from 'vitest';
import { AimdConcurrencyTuner as ConcurrencyTuner } from './concurrency-tuner.js';

function tuner(start = 2) {
  let now = 0;
  const clock = { advance: (ms: number) => (now += ms) };
  const t = new ConcurrencyTuner(start, { min: 1, max: 6 }, () => now);
  t.succeeded(0); // starts the clock
  return { tuner: t, clock };
}

/** Completes one window of `count` requests of `bytes` each over `ms`. */
function window(t: ConcurrencyTuner, clock: { advance(ms: number): void }, bytes: number, ms: number): number {
  let limit = t.limit;
  const count = t.limit;
  for (let i = 0; i < count; i++) {
    clock.advance(ms / count);
    limit = t.succeeded(bytes);
  }
  return limit;
}

describe('ConcurrencyTuner', () => {
  it('adds a request in flight while throughput rises, up to the maximum', () => {
    const { tuner: t, clock } = tuner();
    expect(window(t, clock, 1000, 100)).toBe(3);
    expect(window(t, clock, 1000, 100)).toBe(4); // 3 in 100 ms beats 2 in 100 ms
    for (let i = 0; i < 10; i++) window(t, clock, 1000, 100 - i);
    expect(t.limit).toBeLessThanOrEqual(6);
  });

  it('holds when throughput stays flat, gives one back when it falls, halves on failure', () => {
    const { tuner: t, clock } = tuner(4);
    window(t, clock, 1000, 100); // 40 B/ms: best, → 5
    expect(t.limit).toBe(5);
    window(t, clock, 800, 100); // 40 B/ms again: no gain, no loss
    expect(t.limit).toBe(5);
    window(t, clock, 400, 100); // 20 B/ms: fell
    expect(t.limit).toBe(4);
    expect(t.failed()).toBe(2);
    expect(t.failed()).toBe(1);
    expect(t.failed()).toBe(1);
    t.succeeded(0); // a failure restarts the clock
    expect(window(t, clock, 1000, 100)).toBe(2);
  });
});
