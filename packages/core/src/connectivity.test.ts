import { describe, expect, it } from 'vitest';
import { Connectivity } from './connectivity.js';

/** A stand-in for a window's online/offline events. */
function fakeScope(onLine: boolean) {
  const listeners: Record<string, (() => void)[]> = {};
  const scope = {
    navigator: { onLine },
    addEventListener: (type: string, listener: () => void) => (listeners[type] ??= []).push(listener),
  };
  const fire = (type: 'online' | 'offline') => {
    scope.navigator.onLine = type === 'online';
    for (const listener of listeners[type] ?? []) listener();
  };
  return { scope, fire };
}

describe('Connectivity', () => {
  it('holds requests while offline and lets them go when the connection is back', async () => {
    const { scope, fire } = fakeScope(true);
    const connectivity = new Connectivity(scope);
    const signal = new AbortController().signal;
    await connectivity.waitOnline(signal); // online: at once
    fire('offline');
    expect(connectivity.signal.aborted).toBe(true);
    expect(connectivity.signal.reason).toMatchObject({ code: 'network' });
    let released = false;
    const waiting = connectivity.waitOnline(signal).then(() => (released = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(released).toBe(false);
    fire('online');
    await waiting;
    expect(released).toBe(true);
    expect(connectivity.signal.aborted).toBe(false);
  });

  it('starts offline when navigator.onLine says so, and is always online without events (Node)', async () => {
    expect(new Connectivity(fakeScope(false).scope).offline).toBe(true);
    expect(new Connectivity({}).offline).toBe(false);
  });

  it('stops waiting when the caller aborts', async () => {
    const { scope } = fakeScope(false);
    const connectivity = new Connectivity(scope);
    const controller = new AbortController();
    const waiting = connectivity.waitOnline(controller.signal);
    controller.abort(new Error('paused'));
    await expect(waiting).rejects.toThrow('paused');
  });

  it('counts the link down after 3 network failures in a row, tries again after a second, and resets on success', async () => {
    const connectivity = new Connectivity({});
    connectivity.report(false);
    connectivity.report(false);
    connectivity.report(true); // a success in between: not in a row
    connectivity.report(false);
    connectivity.report(false);
    expect(connectivity.offline).toBe(false);
    connectivity.report(false);
    expect(connectivity.offline).toBe(true);
    const started = performance.now();
    await connectivity.waitOnline(new AbortController().signal);
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
  });
});
