import { describe, expect, it } from 'vitest';
import { StallWatchdog } from './stall-watchdog.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('StallWatchdog', () => {
  it('stays quiet while touched, even thousands of times, and aborts with stalled once touches stop', async () => {
    const watchdog = new StallWatchdog(200, 'Part 3');
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 5000; i++) watchdog.touch(); // WebKit's rate: one event per 8 KiB
      await sleep(60);
    }
    expect(watchdog.signal.aborted).toBe(false);
    await sleep(400);
    expect(watchdog.signal.aborted).toBe(true);
    expect(watchdog.signal.reason).toMatchObject({ code: 'stalled', message: 'Part 3 stalled for 200 ms.' });
  });

  it('never fires once stopped', async () => {
    const watchdog = new StallWatchdog(50, 'The upload');
    watchdog.stop();
    await sleep(150);
    expect(watchdog.signal.aborted).toBe(false);
  });
});
