import type { InterruptedUpload, InterruptedUploads } from '@ferry/core/resume';
import type { HostLink } from '../existing/host-link.js';
import { InterruptedList } from '../interrupted/interrupted-list.js';
import type { FerryUploader } from '../uploader/uploader.js';

/**
 * A FAKE record of interrupted uploads, for stories only: it holds `entries` in memory, talks to
 * no store and no endpoint, and Discard simply forgets one. The real list reads the element's
 * IndexedDB resume store and aborts on the store (tested in interrupted-list.test.ts).
 */
export function fakeInterruptedUploads(entries: readonly InterruptedUpload[]): InterruptedUploads {
  let held = [...entries];
  return {
    list: () => Promise.resolve([...held]),
    discard: (id) => {
      held = held.filter((entry) => entry.id !== id);
      return Promise.resolve();
    },
    removeExpired: () => Promise.resolve([]),
  };
}

/**
 * Shows `entries` as `element`'s interrupted uploads, as the element would after a reload. Only
 * a story does this: it reaches the element's internals (its link and its list), which no page
 * can, because an element driven by a fake uploader never loads the real list.
 */
export async function showFakeInterrupted(
  element: FerryUploader,
  entries: readonly InterruptedUpload[],
): Promise<void> {
  const inside = element as unknown as { link: HostLink; interrupted: InterruptedList | undefined };
  const list = new InterruptedList(inside.link, fakeInterruptedUploads(entries));
  inside.interrupted = list;
  await list.load();
}
