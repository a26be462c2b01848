export { startTestStack } from './test-stack.js';
export type { TestStack, TestStackOptions } from './test-stack.js';
export { watchPartConcurrency } from './max-in-flight.js';
export { inspectStore } from './store-inspector.js';
export type { StoreInspector } from './store-inspector.js';
