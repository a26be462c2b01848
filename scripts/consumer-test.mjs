// Installs Ferry as a stranger would and uses it: builds and packs the packages, creates a fresh
// Vite + TypeScript project in a temporary folder outside the workspace, installs the tarballs
// there (third-party packages from the registry, at the workspace's versions), typechecks it
// (a page using <ferry-uploader> and @ferry/core's types, @ferry/react's props, and Node code
// using @ferry/server and @ferry/local-store), builds it with Vite, runs the Node code (a PUT
// signed by the server into the store, all from the tarballs) and ferry-conformance's command, then serves the built page and
// uploads two files (one PUT, one multipart) through it in Debian's Chromium, against the local
// store and @ferry/server from the workspace, and compares each stored object's SHA-256 with the
// bytes sent. Exits 1 on any failure. FERRY_KEEP_CONSUMER=1 keeps the temporary folder.
/* global document -- the functions handed to page.waitForFunction run in the page */
import { startTestStack } from '@ferry/testing';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@ferry/testing/chromium';
import { chromium } from '@playwright/test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { PACKAGES, buildPackages, packPackages, root } from './pack-packages.mjs';

const exec = promisify(execFile);
const started = Date.now();
let checks = 0;
const step = (message) => console.log(`consumer: ${message} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
const check = (condition, message) => {
  assert.ok(condition, message);
  checks += 1;
};

/** The version of `name` installed for the workspace package in `folder` (what the workspace tests run with). */
function workspaceVersion(folder, name) {
  const require = createRequire(join(root, folder, 'package.json'));
  const directory = require.resolve.paths(name)?.find((candidate) => {
    try {
      readFileSync(join(candidate, name, 'package.json'));
      return true;
    } catch {
      return false;
    }
  });
  if (!directory) throw new Error(`${name} is not installed for ${folder}`);
  return JSON.parse(readFileSync(join(directory, name, 'package.json'), 'utf8')).version;
}

const work = mkdtempSync(join(tmpdir(), 'ferry-consumer-'));
const app = join(work, 'app');
const tarballs = join(work, 'tarballs');
mkdirSync(tarballs);
let browser;
let stack;
let pageServer;
try {
  await buildPackages();
  const packed = await packPackages(tarballs);
  step(`built and packed ${packed.map(({ name, version }) => `${name}@${version}`).join(', ')}`);

  // The project: the template beside this script plus a package.json naming the tarballs. The
  // overrides keep one copy of each @ferry package (the tarballs, never the registry) and pin
  // every third-party dependency of ours to the version the workspace tests with.
  cpSync(new URL('./consumer-app', import.meta.url).pathname, app, { recursive: true });
  const local = Object.fromEntries(packed.map(({ name, tarball }) => [name, `file:${tarball}`]));
  const pins = {};
  for (const folder of PACKAGES) {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8'));
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      if (!name.startsWith('@ferry/')) pins[name] = workspaceVersion(`packages/${folder}`, name);
    }
  }
  const manifest = {
    name: 'ferry-consumer',
    private: true,
    type: 'module',
    dependencies: {
      ...local,
      react: workspaceVersion('packages/react', 'react'),
    },
    devDependencies: {
      typescript: workspaceVersion('.', 'typescript'),
      vite: workspaceVersion('.', 'vite'),
      '@types/node': workspaceVersion('.', '@types/node'),
      '@types/react': workspaceVersion('packages/react', '@types/react'),
    },
    pnpm: { overrides: { ...pins, ...local } },
  };
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Outside any workspace, with pnpm's store shared with the workspace's install (so, offline
  // when the workspace is installed) and no lockfile: what `npm install` of the tarballs resolves.
  await exec('pnpm', ['install', '--prefer-offline', '--reporter=silent'], { cwd: app });
  step(`installed the tarballs in ${app} (third-party at the workspace's versions)`);

  const bin = (name) => join(app, 'node_modules/.bin', name);
  // A type error exits non-zero, which throws here with tsc's output.
  await exec(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: app });
  await exec(bin('tsc'), ['-p', 'tsconfig.node.json'], { cwd: app });
  checks += 2;
  step('typechecked the page, @ferry/react props and the Node code against the published types (skipLibCheck off)');

  const { stdout: viteOut } = await exec(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: app });
  if (viteOut.trim()) console.log(viteOut.trim());
  const html = readFileSync(join(app, 'dist/index.html'), 'utf8');
  check(
    /<script type="module"[^>]* src="\/assets\/[^"]+\.js"/.test(html),
    'vite build wrote no module script into dist/index.html',
  );
  step('built the page with vite');

  const { stdout: nodeOut } = await exec(process.execPath, ['node-build/server-check.js'], { cwd: app });
  check(nodeOut.includes('matches'), `the Node check printed no result: ${nodeOut}`);
  console.log(nodeOut.trim());
  step('ran @ferry/server and @ferry/local-store from the tarballs in Node');

  // The conformance kit's command as other languages' teams run it (npx ferry-conformance), with
  // the OpenAPI document beside it.
  const { stdout: kitHelp } = await exec(bin('ferry-conformance'), ['--help'], { cwd: app });
  check(kitHelp.startsWith('Usage: ferry-conformance'), `ferry-conformance --help printed: ${kitHelp}`);
  const kitDocument = readFileSync(join(app, 'node_modules/@ferry/conformance/openapi.yaml'), 'utf8');
  check(kitDocument.startsWith('openapi: 3.1.0'), 'the tarball of @ferry/conformance has no openapi.yaml');
  step('ran ferry-conformance --help from its tarball; openapi.yaml is in it');

  // The server side from the workspace: the local store and @ferry/server on loopback (CORS on:
  // the page is served from another port). Only the client bundle comes from the tarballs.
  stack = await startTestStack({ cors: true });
  const dist = join(app, 'dist');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
  pageServer = createServer((request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://page').pathname).replace(/^(\.\.[/\\])+/, '');
    const file = join(dist, path === '/' ? 'index.html' : path);
    readFile(file).then(
      (body) => {
        response.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
        response.end(body);
      },
      () => {
        response.statusCode = 404;
        response.end();
      },
    );
  });
  await new Promise((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  const pageUrl = `http://127.0.0.1:${pageServer.address().port}/?endpoint=${encodeURIComponent(stack.endpoint)}`;

  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
  page.on(
    'response',
    (response) => response.status() >= 400 && pageErrors.push(`${response.status()} ${response.url()}`),
  );
  await page.goto(pageUrl);
  const files = [
    { name: 'small.bin', mimeType: 'application/octet-stream', buffer: randomBytes(100 * 1024 + 3) },
    { name: 'large.bin', mimeType: 'application/octet-stream', buffer: randomBytes(6 * 1024 * 1024 + 123) },
  ];
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /drop files here/i }).click();
  await (await chooser).setFiles(files);
  await page.waitForFunction(() => document.querySelectorAll('#stored li, #errors li').length >= 2, null, {
    timeout: 60_000,
  });
  const errors = await page.locator('#errors li').allTextContents();
  check(errors.length === 0, `uploads failed in the page: ${errors.join('; ')}`);
  const stored = await page
    .locator('#stored li')
    .evaluateAll((items) => items.map((item) => ({ key: item.textContent, ...item.dataset })));
  check(stored.length === 2, `expected 2 stored files, the page listed ${JSON.stringify(stored)}`);
  for (const file of files) {
    const entry = stored.find((item) => item.name === file.name);
    check(entry?.key && entry.done === 'true', `${file.name} was not reported stored: ${JSON.stringify(stored)}`);
    const sent = createHash('sha256').update(file.buffer).digest('hex');
    check((await stack.objectSha256(entry.key)) === sent, `${entry.key} in the store is not the bytes of ${file.name}`);
  }
  check(
    stored
      .map((item) => item.method)
      .sort()
      .join() === 'multipart,single',
    `expected one single PUT and one multipart upload: ${JSON.stringify(stored)}`,
  );
  check((await stack.openMultipartUploads()).length === 0, 'a multipart upload was left open in the store');
  check(pageErrors.length === 0, `the page logged errors: ${pageErrors.join('; ')}`);
  step(
    `uploaded ${files.map((file) => file.name).join(' and ')} through the built page in ${CHROMIUM_PATH}: stored byte for byte`,
  );
  console.log(`consumer: ${checks} checks passed`);
} catch (error) {
  console.error(error.stdout || '', error.stderr || '');
  console.error(error);
  console.error(`consumer: FAILED (project kept in ${work})`);
  process.env.FERRY_KEEP_CONSUMER = '1';
  process.exitCode = 1;
} finally {
  await browser?.close();
  pageServer?.closeAllConnections();
  await new Promise((resolve) => (pageServer ? pageServer.close(resolve) : resolve()));
  await stack?.close();
  if (process.env.FERRY_KEEP_CONSUMER !== '1') rmSync(work, { recursive: true, force: true });
}
