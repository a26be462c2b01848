import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nextState, transition, TRANSITIONS } from './upload-lifecycle.js';
import { UploadState } from './upload-state.js';

const STATES = Object.values(UploadState);

/** The README's diagram, as the table says it must read (Mermaid). */
function diagram(): string {
  const lines = ['```mermaid', 'stateDiagram-v2', '  [*] --> queued'];
  for (const from of STATES) {
    for (const [event, to] of Object.entries(TRANSITIONS[from])) lines.push(`  ${from} --> ${to}: ${event}`);
  }
  lines.push('  done --> [*]', '  cancelled --> [*]', '```');
  return lines.join('\n');
}

describe('the upload transition table', () => {
  it('is what the README shows', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    // On a failure, paste the expected block into the README's "How it works".
    expect(readme, diagram()).toContain(diagram());
  });

  it('reaches every state from queued, and leaves done and cancelled only by cancelling again', () => {
    const seen = new Set<UploadState>([UploadState.Queued]);
    for (let grew = true; grew;) {
      grew = false;
      for (const from of seen) {
        for (const to of Object.values(TRANSITIONS[from])) {
          if (seen.has(to)) continue;
          seen.add(to);
          grew = true;
        }
      }
    }
    expect([...seen].sort()).toEqual([...STATES].sort());
    expect(TRANSITIONS.done).toEqual({});
    expect(TRANSITIONS.cancelled).toEqual({ cancel: 'cancelled' });
  });

  it('resumes and retries through preparing (the store is asked what it holds), never straight to uploading', () => {
    expect(nextState('paused', 'resume')).toBe('preparing');
    expect(nextState('error', 'retry')).toBe('preparing');
    expect(nextState('uploading', 'restart')).toBe('preparing');
    expect(nextState('completing', 'restart')).toBe('preparing');
  });

  it('cannot be paused or cancelled while the store assembles the object', () => {
    expect(nextState('completing', 'pause')).toBeUndefined();
    expect(nextState('completing', 'cancel')).toBeUndefined();
  });

  it('throws on an illegal transition in development builds (these tests run as one)', () => {
    expect(() => transition('done', 'start')).toThrow(/Illegal upload transition: "start" in state "done"/);
    expect(() => transition('done', 'start')).toThrow(expect.objectContaining({ code: 'unexpected' }) as Error);
    expect(() => transition('queued', 'completed')).toThrow(/Illegal upload transition/);
    expect(transition('queued', 'start')).toBe('preparing');
  });
});
