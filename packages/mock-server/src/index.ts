// @videotask/mock-server: the runtime-agnostic mock of the sora-2 video task API (Web APIs only, no node: imports).

export type { ChaosView } from './core/chaos.js';
export type { ClockView } from './core/clock-commands.js';
export type { SeedOptions } from './core/seed.js';
export type { AdminTask } from './core/views.js';
export { checkCallbackUrl, classifyHost, isForbiddenAddress } from './delivery/callback-url.js';
export { createSigner, generateWebhookSecret } from './delivery/signature.js';
export {
  CHAOS_PROFILES,
  CHAOS_TABLE,
  type ChaosParameters,
  type ChaosProfile,
  callbackDecision,
  gatewayDecision,
} from './domain/chaos.js';
export type { Clock, ClockMode } from './domain/clock.js';
export {
  type AttemptOutcome,
  type DeliveryAttempt,
  REDELIVER_MUTATIONS,
  type RedeliverMutation,
} from './domain/delivery-attempt.js';
export { ERROR_CODES, type ErrorCode } from './domain/errors.js';
export type { TaskStatus } from './domain/lifecycle.js';
export { FAILURE_CODES, SCENARIO_HEADER } from './domain/scenarios.js';
export type { VideoTaskJson } from './domain/task.js';
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
export { createMockServer, MockRefusedError, type MockServer } from './server.js';
export type { CreditsJson } from './store/billing.js';
export type { Fault, FaultSpec, FaultStatus } from './store/faults.js';
