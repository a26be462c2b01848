export { startDemo } from './demo-server.js';
export type { Demo, DemoOptions } from './demo-server.js';
export type { SavedFile } from './attachments.js';
