import { describe, expect, it } from 'vitest';
import { ThroughputMeter } from './throughput.js';

describe('ThroughputMeter', () => {
  it('averages sampled rates and derives an ETA', () => {
    let now = 0;
    const meter = new ThroughputMeter(() => now);
    meter.update(0);
    expect(meter.speed).toBe(0);
    expect(meter.eta(100)).toBeUndefined();
    now = 1000;
    meter.update(1000); // 1000 B/s
    expect(meter.speed).toBe(1000);
    now = 2000;
    meter.update(3000); // 2000 B/s
    expect(meter.speed).toBeCloseTo(0.3 * 2000 + 0.7 * 1000);
    expect(meter.eta(1300)).toBeCloseTo(1);
  });

  it('ignores samples closer than 250 ms and starts afresh after reset', () => {
    let now = 0;
    const meter = new ThroughputMeter(() => now);
    meter.update(0);
    now = 100;
    meter.update(5000);
    expect(meter.speed).toBe(0);
    now = 1000;
    meter.update(5000);
    expect(meter.speed).toBe(5000);
    meter.reset();
    expect(meter.speed).toBe(0);
  });
});
