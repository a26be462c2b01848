// Checks what npm users would get: packs every published package (as `pnpm publish` would) and
// checks each tarball with publint (strict: suggestions fail too), with Are the Types Wrong
// (profile esm-only: the packages are ES modules only, so CommonJS `require` and node10
// resolution are out of scope by design), and against what a package of ours must carry: the
// license and its text, the repository, no workspace: ranges, no sources or tests, and the files
// that `sideEffects` names. Expects built packages (`pnpm build`); exits 1 on any finding.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { packPackages, root, unlistedPublicPackages } from './pack-packages.mjs';

const run = promisify(execFile);
const REPOSITORY = 'git+https://github.com/ferry-uploads/ferry.git';
/** Entry points attw cannot find by itself (subpath patterns): checked by name. */
const EXTRA_ENTRYPOINTS = { element: ['./translations/en', './translations/zh-cn'] };

const work = mkdtempSync(join(tmpdir(), 'ferry-package-check-'));
const findings = [];
const fail = (name, message) => findings.push(`${name}: ${message}`);

function filesUnder(directory) {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)));
}

/** What a package of ours must carry, read from the unpacked tarball. */
function checkContents(folder, unpacked) {
  const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
  const name = manifest.name;
  const files = filesUnder(unpacked);
  if (manifest.license !== 'MIT') fail(name, `license is ${manifest.license}, not MIT`);
  if (!files.includes('LICENSE')) fail(name, 'the tarball has no LICENSE');
  else if (readFileSync(join(unpacked, 'LICENSE'), 'utf8') !== readFileSync(join(root, 'LICENSE'), 'utf8')) {
    fail(name, "the tarball's LICENSE is not the root LICENSE");
  }
  if (!files.includes('README.md')) fail(name, 'the tarball has no README.md');
  const { repository } = manifest;
  if (repository?.type !== 'git' || repository.url !== REPOSITORY || repository.directory !== `packages/${folder}`) {
    fail(name, `repository is ${JSON.stringify(repository)}, expected git ${REPOSITORY} in packages/${folder}`);
  }
  for (const field of ['description', 'homepage']) if (!manifest[field]) fail(name, `no ${field}`);
  if (!manifest.bugs?.url) fail(name, 'no bugs.url');
  if (!(manifest.keywords?.length > 0)) fail(name, 'no keywords');
  if (manifest.type !== 'module') fail(name, 'type is not module');
  if (!manifest.private && manifest.publishConfig?.access !== 'public') {
    fail(name, 'publishConfig.access is not public (a scoped package would be published as restricted)');
  }
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [dependency, range] of Object.entries(manifest[field] ?? {})) {
      if (/^(workspace|file|link|portal):/.test(range)) fail(name, `${field}.${dependency} is ${range}`);
    }
  }
  const stray = files.filter(
    (file) => /(^|\/)(src|stories|test-fixtures)\//.test(file) || /\.(test|stories)\.|\.tsbuildinfo$/.test(file),
  );
  if (stray.length > 0) fail(name, `sources or tests in the tarball: ${stray.slice(0, 5).join(', ')}`);
  if (Array.isArray(manifest.sideEffects)) {
    for (const entry of manifest.sideEffects.filter((path) => path.startsWith('./dist/'))) {
      if (!files.includes(entry.slice(2))) fail(name, `sideEffects names ${entry}, which is not in the tarball`);
    }
  }
  return { name, version: manifest.version, fileCount: files.length };
}

async function checkPublint(name, tarball) {
  const data = readFileSync(tarball);
  const tarballBuffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  const { messages, pkg } = await publint({ pack: { tarball: tarballBuffer }, strict: true, level: 'suggestion' });
  for (const message of messages)
    fail(name, `publint ${message.code}: ${formatMessage(message, pkg, { color: false })}`);
}

async function checkTypes(folder, name, tarball) {
  const extra = EXTRA_ENTRYPOINTS[folder] ?? [];
  const args = [tarball, '--profile', 'esm-only', '--no-definitely-typed', '--format', 'ascii', '--no-color'];
  if (extra.length > 0) args.push('--include-entrypoints', ...extra);
  try {
    await run(join(root, 'node_modules/.bin/attw'), args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    fail(name, `attw found problems:\n${error.stdout || error.message}`);
  }
}

try {
  for (const folder of unlistedPublicPackages()) {
    fail(`packages/${folder}`, 'is not private but not in PACKAGES (scripts/pack-packages.mjs): add it');
  }
  const packed = await packPackages(work);
  const summaries = await Promise.all(
    packed.map(async ({ folder, name, tarball }) => {
      const unpacked = join(work, folder);
      await run('mkdir', ['-p', unpacked]);
      await run('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
      const summary = checkContents(folder, unpacked);
      await Promise.all([checkPublint(name, tarball), checkTypes(folder, name, tarball)]);
      const size = readFileSync(tarball).byteLength;
      return `${name}@${summary.version}: ${summary.fileCount} files, ${(size / 1024).toFixed(0)} KB packed`;
    }),
  );
  if (findings.length > 0) {
    console.error(findings.join('\n'));
    console.error(`ferry: ${findings.length} package problem(s)`);
    process.exitCode = 1;
  } else {
    for (const line of summaries) console.log(`ok ${line}; publint strict, attw esm-only clean`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
