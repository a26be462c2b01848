import { randomFile, sha256Hex, storedSha256, untilSettled } from '@ferry/testing/browser';
import type { BrowserStackConfig } from '@ferry/testing/web-test-runner';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createHttpEndpoint, Uploader, type ResumeStore } from '../index.js';
import { createIndexedDbResumeStore } from './index.js';

// Resume you can see, in the real browser's IndexedDB against the real store: a reload is a new
// Uploader and a new resume store over the same database (what a reloaded page builds).
const stackUrl = '/__ferry/stack.js';
const stack = ((await import(/* @vite-ignore */ stackUrl)) as { default: BrowserStackConfig }).default;
const MiB = 1024 * 1024;
const endpoint = createHttpEndpoint({ url: stack.endpoint });

const openUploads = async (name: string) =>
  (await executeServerCommand<string[], undefined>('ferry-open-uploads')).filter((key) => key.endsWith(`/${name}`));
const partPuts = () => executeServerCommand<{ path: string; partNumber: number }[], undefined>('ferry-store-part-puts');

/** The same file picked again after a reload: new `File` object, same name, bytes and date. */
const pickedAgain = (file: File) => new File([file], file.name, { lastModified: file.lastModified });

const uploaderWith = (resumeStore: ResumeStore) =>
  new Uploader({ endpoint: stack.endpoint, partSize: 5 * MiB, concurrency: 1, resumeStore });

/** Uploads `files` until each has at least one part stored, then stops as a closed tab would. */
async function interrupt(resumeStore: ResumeStore, files: File[]): Promise<void> {
  await executeServerCommand('ferry-fault', { method: 'PUT', fault: { kind: 'throttle', bytesPerSecond: 6 * MiB } });
  const uploader = uploaderWith(resumeStore);
  const ids = files.map((file) => uploader.add(file).id);
  await new Promise<void>((resolve) => {
    const check = () => ids.every((id) => uploader.get(id)!.parts.done >= 1) && resolve();
    uploader.on('progress', check);
  });
  uploader.pause();
  await executeServerCommand('ferry-faults-clear');
  for (const id of ids) expect(uploader.get(id)!.state).to.equal('paused');
}

const unique = (name: string) => `${crypto.randomUUID()}-${name}`;

describe('resume you can see', () => {
  afterEach(() => executeServerCommand('ferry-faults-clear'));

  it('two interrupted uploads, picked again in the other order, continue from their stored parts, byte for byte', async () => {
    const database = unique('db');
    const a = randomFile(12 * MiB + 1, unique('a.bin')); // 3 parts
    const b = randomFile(17 * MiB, unique('b.bin')); // 4 parts
    await interrupt(createIndexedDbResumeStore({ database }), [a, b]);

    // The reloaded page: a new store over the same database lists both.
    const store = createIndexedDbResumeStore({ database });
    const listed = await store.list({ endpoint });
    expect(listed.map((upload) => upload.name).sort()).to.deep.equal([a.name, b.name].sort());
    for (const upload of listed) {
      expect(upload.size).to.equal(upload.name === a.name ? a.size : b.size);
      expect(upload.partCount).to.equal(upload.name === a.name ? 3 : 4);
      expect(upload.partsStored).to.be.at.least(1);
      expect(upload.bytesStored).to.equal(upload.partsStored! * 5 * MiB);
    }

    const before = (await partPuts()).length;
    const uploader = uploaderWith(store);
    const restored = new Map<string, number>();
    uploader.on('state', ({ upload }) => {
      if (upload.state === 'uploading' && !restored.has(upload.name)) restored.set(upload.name, upload.parts.done);
    });
    const second = [pickedAgain(b), pickedAgain(a)].map((file) => uploader.add(file).id); // the other order
    const done = await Promise.all(second.map((id) => untilSettled(uploader, id)));
    const sent = (await partPuts()).slice(before);
    for (const [upload, file, total] of [
      [done[0]!, b, 4],
      [done[1]!, a, 3],
    ] as const) {
      expect(upload.state).to.equal('done');
      expect(await storedSha256(upload.key!)).to.equal(await sha256Hex(file));
      // Only the missing parts were sent, each once.
      const numbers = sent.filter((put) => put.path.endsWith(`/${file.name}`)).map((put) => put.partNumber);
      expect(restored.get(file.name)).to.be.at.least(1);
      expect(numbers.length).to.equal(total - restored.get(file.name)!);
      expect(new Set(numbers).size).to.equal(numbers.length);
    }
    expect(await store.list()).to.deep.equal([]);
  });

  it('discarding an interrupted upload aborts it on the store and forgets it', async () => {
    const database = unique('db');
    const file = randomFile(11 * MiB, unique('discarded.bin'));
    await interrupt(createIndexedDbResumeStore({ database }), [file]);
    expect(await openUploads(file.name)).to.have.length(1);
    const store = createIndexedDbResumeStore({ database });
    const [upload] = await store.list();
    expect(upload).to.include({ name: file.name, size: file.size });
    await store.discard(upload!.id, endpoint);
    expect(await openUploads(file.name)).to.deep.equal([]);
    expect(await store.list()).to.deep.equal([]);
  });

  it('records past their useful life are removed on start and their uploads aborted; fresh ones stay', async () => {
    const database = unique('db');
    const old = randomFile(11 * MiB, unique('old.bin'));
    await interrupt(createIndexedDbResumeStore({ database }), [old]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const fresh = randomFile(11 * MiB, unique('fresh.bin'));
    await interrupt(createIndexedDbResumeStore({ database }), [fresh]);

    // On start, with a useful life the first record has outlived and the second has not.
    const [first, second] = await createIndexedDbResumeStore({ database }).list();
    expect([first!.name, second!.name]).to.deep.equal([old.name, fresh.name]);
    const midpoint = (first!.savedAt + second!.savedAt) / 2;
    const store = createIndexedDbResumeStore({ database, maxAgeMs: Date.now() - midpoint });
    const removed = await store.removeExpired(endpoint);
    expect(removed.map((upload) => upload.name)).to.deep.equal([old.name]);
    expect(await openUploads(old.name)).to.deep.equal([]);
    expect((await store.list()).map((upload) => upload.name)).to.deep.equal([fresh.name]);
    expect(await openUploads(fresh.name)).to.have.length(1);
    await store.discard(second!.id, endpoint);
    expect(await openUploads(fresh.name)).to.deep.equal([]);
  });

  it('falls back to memory without an error when IndexedDB refuses to open', async () => {
    // A real refusal: the database exists at a higher version, so opening version 1 fails (VersionError).
    const database = unique('db');
    await new Promise<void>((resolve, reject) => {
      const opening = indexedDB.open(database, 5);
      opening.onsuccess = () => {
        opening.result.close();
        resolve();
      };
      opening.onerror = () => reject(opening.error ?? new Error('could not prepare the database'));
    });
    const store = createIndexedDbResumeStore({ database });
    const file = randomFile(11 * MiB, unique('memory.bin'));
    await interrupt(store, [file]);
    expect((await store.list()).map((upload) => upload.name)).to.deep.equal([file.name]);

    const uploader = uploaderWith(store);
    let restored = -1;
    uploader.on(
      'state',
      ({ upload }) => upload.state === 'uploading' && restored < 0 && (restored = upload.parts.done),
    );
    const done = await untilSettled(uploader, uploader.add(pickedAgain(file)).id);
    expect(done.state).to.equal('done');
    expect(restored).to.be.at.least(1);
    expect(await storedSha256(done.key!)).to.equal(await sha256Hex(file));
    expect(await store.list()).to.deep.equal([]);
  });
});
