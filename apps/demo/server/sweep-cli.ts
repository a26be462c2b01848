import { readServerEnv, sweepIncompleteUploads } from '@ferry/server';
import { parseArgs } from 'node:util';
import { openDemoProvider } from './demo-provider.js';
import { parseDuration } from './duration.js';

// `pnpm --filter @ferry/demo sweep --older-than 24h --prefix uploads/`: aborts the multipart
// uploads no browser came back for, in the bucket the demo's environment configures (FERRY_PROVIDER
// and the rest; with `local`, the embedded store's data folder, opened on a free port).
const { values } = parseArgs({
  options: {
    'older-than': { type: 'string', default: '24h' },
    prefix: { type: 'string', default: 'uploads/' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('Usage: sweep [--older-than 24h] [--prefix uploads/]   (durations: 90s, 30m, 24h, 7d)');
  process.exit(0);
}
const olderThan = parseDuration(values['older-than']);
const { provider, store, target } = await openDemoProvider(readServerEnv(process.env), {
  dataDir: process.env['FERRY_DATA_DIR'],
  storePort: 0,
});
try {
  const report = await sweepIncompleteUploads({ provider, prefix: values.prefix, olderThan });
  for (const upload of report.aborted) {
    console.log(`aborted  ${upload.key}  (${upload.uploadId}, initiated ${upload.initiated.toISOString()})`);
  }
  for (const { upload, error } of report.failed) {
    console.error(
      `failed   ${upload.key}  (${upload.uploadId}): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  console.log(
    `Swept ${target.bucket} under "${values.prefix}" (older than ${values['older-than']}): ${report.aborted.length} aborted, ` +
      `${report.alreadyGone.length} already gone, ${report.failed.length} failed, ${report.kept} younger kept, ${report.pages} page(s).`,
  );
  process.exitCode = report.failed.length > 0 ? 1 : 0;
} finally {
  await store?.close();
}
