import { describe, expect, it } from 'vitest';
import { StoreRefusal } from './store-refusal.js';

const page = { navigator: { onLine: true }, location: { origin: 'https://app.example' } };
const live = new AbortController().signal;

describe('StoreRefusal', () => {
  it("says 'cors' at the 4th failure in a row before any byte, once the endpoint answers the probe", async () => {
    let probes = 0;
    const refusal = new StoreRefusal(async () => {
      probes++;
    }, page);
    for (let i = 1; i <= 3; i++) expect(await refusal.failedBeforeAnyByte(live)).toBeUndefined();
    const error = await refusal.failedBeforeAnyByte(live);
    expect(error?.code).toBe('cors');
    expect(error?.message).toContain('AllowedOrigin https://app.example');
    expect(probes).toBe(1);
  });

  it('starts counting again whenever the store answers or takes bytes', async () => {
    const refusal = new StoreRefusal(async () => undefined, page);
    for (let i = 0; i < 3; i++) await refusal.failedBeforeAnyByte(live);
    refusal.answered();
    for (let i = 0; i < 3; i++) expect(await refusal.failedBeforeAnyByte(live)).toBeUndefined();
  });

  it('is an outage, not a refusal, when the probe fails, the runtime is offline, or there is no page (Node)', async () => {
    const unreachable = new StoreRefusal(async () => Promise.reject(new TypeError('Load failed')), page);
    const offline = new StoreRefusal(async () => undefined, { ...page, navigator: { onLine: false } });
    const node = new StoreRefusal(async () => undefined, {});
    for (const refusal of [unreachable, offline, node]) {
      for (let i = 0; i < 6; i++) expect(await refusal.failedBeforeAnyByte(live)).toBeUndefined();
    }
  });

  it('shares one probe among parts failing together, and lets each stop waiting when its upload stops', async () => {
    let probes = 0;
    let answer = (): void => undefined;
    const refusal = new StoreRefusal(() => {
      probes++;
      return new Promise<void>((resolve) => (answer = resolve));
    }, page);
    for (let i = 0; i < 3; i++) await refusal.failedBeforeAnyByte(live);
    const paused = new AbortController();
    const first = refusal.failedBeforeAnyByte(live);
    const second = refusal.failedBeforeAnyByte(paused.signal);
    paused.abort();
    expect(await second).toBeUndefined();
    answer();
    expect((await first)?.code).toBe('cors');
    expect(probes).toBe(1);
  });
});
