// The packages Ferry publishes (or, for @ferry/local-store, keeps ready to publish), and packing
// them as `pnpm publish` would: workspace:* rewritten to versions, the root LICENSE added.
// Used by package-check.mjs and consumer-test.mjs, which check the tarballs, not the folders.
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const root = new URL('..', import.meta.url).pathname;

/**
 * Folders under packages/ whose tarballs are checked. @ferry/local-store is private for now (its
 * store needs a pnpm patch of @20minutes/s3rver that npm users would not get) but is checked the
 * same way, so it is ready when that changes. @ferry/testing is private and test-only.
 */
export const PACKAGES = ['core', 'element', 'server', 'local-store', 'react', 'conformance'];

/** Every package under packages/ that is not private must be in PACKAGES, so none skips the checks. */
export function unlistedPublicPackages() {
  return readdirSync(join(root, 'packages')).filter((folder) => {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8'));
    return manifest.private !== true && !PACKAGES.includes(folder);
  });
}

/** Builds PACKAGES (and what they depend on) the way `pnpm -r run build` does. */
export async function buildPackages() {
  const filters = PACKAGES.flatMap((folder) => ['--filter', `./packages/${folder}`]);
  await run('pnpm', ['--silent', ...filters, 'run', 'build'], { cwd: root });
}

/**
 * `pnpm pack`s each of PACKAGES into `destination`.
 * @returns {Promise<{ folder: string, name: string, version: string, tarball: string }[]>}
 */
export async function packPackages(destination) {
  return Promise.all(
    PACKAGES.map(async (folder) => {
      const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', destination], {
        cwd: join(root, 'packages', folder),
        maxBuffer: 16 * 1024 * 1024,
      });
      const { name, version, filename } = JSON.parse(stdout);
      return { folder, name, version, tarball: filename };
    }),
  );
}
