import { resolve } from 'node:path';
import { startDemo } from './demo-server.js';

// `pnpm start`: the demo on FERRY_DEMO_PORT (5173), the store on FERRY_STORE_PORT (4568).
// `node cli.js <folder>` serves another Vite app the same way (the React and Vue examples).
const port = (name: string, fallback: number): number => {
  const value = process.env[name];
  return value === undefined ? fallback : Number(value);
};

const demo = await startDemo({
  port: port('FERRY_DEMO_PORT', 5173),
  storePort: port('FERRY_STORE_PORT', 4568),
  ...(process.env['FERRY_DATA_DIR'] ? { dataDir: process.env['FERRY_DATA_DIR'] } : {}),
  ...(process.argv[2] ? { app: resolve(process.argv[2]) } : {}),
});
console.log(`Ferry demo:  ${demo.url}`);
console.log(
  `Store:       ${demo.target.endpoint}  bucket "${demo.target.bucket}"${demo.store ? ' (embedded, signature-checking)' : ''}`,
);
console.log('Press Ctrl+C to stop.');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void demo.close().then(() => process.exit(0)));
}
