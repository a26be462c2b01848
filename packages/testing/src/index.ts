export { startTestStack } from './test-stack.js';
export type { TestStack, TestStackOptions } from './test-stack.js';
export { watchPartConcurrency } from './max-in-flight.js';
export { inspectStore } from './store-inspector.js';
export type { StoreInspector } from './store-inspector.js';
export { startFaultProxy } from './fault-proxy.js';
export type { Fault, FaultProxy, FaultRule, ProxiedRequest } from './fault-proxy.js';
export { startOssContractFake } from './oss-contract-fake.js';
export type { OssContractCall, OssContractFake } from './oss-contract-fake.js';
