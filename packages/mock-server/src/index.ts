// @videotask/mock-server: the runtime-agnostic mock of the sora-2 video task API (Web APIs only, no node: imports).
export type { CreditsJson } from './billing.js';
export { checkCallbackUrl, classifyHost, isForbiddenAddress } from './callback-url.js';
export type { Clock, ClockMode } from './clock.js';
export type { AdminTask } from './core.js';
export type { AttemptOutcome, DeliveryAttempt, RedeliverMutation } from './deliveries.js';
export { REDELIVER_MUTATIONS } from './deliveries.js';
export { ERROR_CODES, type ErrorCode } from './errors.js';
export type { Fault, FaultSpec, FaultStatus } from './faults.js';
export type { TaskStatus } from './lifecycle.js';
export type { DocsAssetProvider, MockServerOptions } from './options.js';
export { DEFAULT_PUBLIC_URL } from './options.js';
// Record and replay over fetch (the CLI's --proxy/--record/--replay; HAR files: @videotask/mock-server/har).
export {
  createRecordingProxy,
  createReplay,
  type HarEntry,
  type HarSink,
  type RecordingProxyOptions,
  type ReplayOptions,
  redactEntry,
  routeApi,
} from './proxy/index.js';
export { FAILURE_CODES, SCENARIO_HEADER } from './scenarios.js';
export type { SeedOptions } from './seed.js';
export { createMockServer, type MockServer } from './server.js';
export { createSigner, generateWebhookSecret } from './signature.js';
export type { VideoTaskJson } from './task.js';
