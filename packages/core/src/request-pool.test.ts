import { describe, expect, it } from 'vitest';
import { RequestPool } from './request-pool.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('RequestPool', () => {
  it('lets `limit` through, queues the rest first come first served, and hands slots on', async () => {
    const pool = new RequestPool(2);
    const signal = new AbortController().signal;
    const order: number[] = [];
    const releases = await Promise.all([pool.acquire(signal), pool.acquire(signal)]);
    const third = pool.acquire(signal).then((release) => {
      order.push(3);
      return release;
    });
    const fourth = pool.acquire(signal).then((release) => {
      order.push(4);
      return release;
    });
    await tick();
    expect(order).toEqual([]);
    releases[0]();
    releases[0](); // a second release of the same slot changes nothing
    await tick();
    expect(order).toEqual([3]);
    releases[1]();
    await tick();
    expect(order).toEqual([3, 4]);
    (await third)();
    (await fourth)();
  });

  it('drops an aborted waiter from the queue', async () => {
    const pool = new RequestPool(1);
    const release = await pool.acquire(new AbortController().signal);
    const controller = new AbortController();
    const waiting = pool.acquire(controller.signal);
    controller.abort(new Error('paused'));
    await expect(waiting).rejects.toThrow('paused');
    release();
    const next = await pool.acquire(new AbortController().signal); // not blocked by the aborted one
    next();
  });

  it('lets waiters go when the limit rises, and holds slots back when it falls', async () => {
    const pool = new RequestPool(1);
    const signal = new AbortController().signal;
    const first = await pool.acquire(signal);
    let granted = 0;
    const waiters = [pool.acquire(signal), pool.acquire(signal), pool.acquire(signal)].map((p) =>
      p.then((release) => {
        granted++;
        return release;
      }),
    );
    pool.setLimit(3);
    await tick();
    expect(granted).toBe(2);
    pool.setLimit(1);
    first();
    await tick();
    expect(granted).toBe(2); // 2 active ≥ limit 1: the slot is not handed on
    const [a, b] = await Promise.all(waiters.slice(0, 2));
    a!();
    await tick();
    expect(granted).toBe(2); // 1 active = limit
    b!();
    await tick();
    expect(granted).toBe(3);
    (await waiters[2]!)();
  });
});
