// Which server the suite checks (the mock, or the live API) and what it may do there.
import type { ServedModels } from './served.js';
/**
 * `mock-replicas`: two mocks sharing one Redis, the suite's requests alternating between them.
 * `mock-url`: mocks already running elsewhere (the image's containers, `pnpm image:test`), at
 * CONTRACT_MOCK_URL and CONTRACT_STRICT_MOCK_URL, started with the flags of `mock-flags.ts`.
 */
export type TargetName = 'mock' | 'mock-replicas' | 'mock-url' | 'live';

export interface Target {
  name: TargetName;
  /** False when the target cannot run here (the live API without a key); `skipReason` says why. */
  available: boolean;
  skipReason?: string;
  baseUrl: string;
  /** mock-replicas: every replica's base URL; requests meant for `baseUrl` alternate between them. */
  replicaUrls?: string[];
  /**
   * A server that enforces the callback host rules. The mock the suite drives accepts local
   * callbacks (its receiver is on loopback), so a second, strict mock answers those checks.
   */
  strictBaseUrl: string;
  /** A key the server accepts. */
  apiKey: string;
  /** A well-formed key the server must refuse with 401. */
  rejectedApiKey: string;
  /** Tests that create tasks cost money on the live API: they run only when this is true. */
  billable: boolean;
  /** The secret that signs callbacks: the mock's, or CONTRACT_WEBHOOK_SECRET on the live target. */
  webhookSecret?: string;
  /**
   * Where callbacks can reach the suite's local receiver from the target's point of view: a public URL
   * forwarding to a port, or the receiver itself on loopback or on `host` (a container's gateway).
   */
  callback?: { publicUrl: string; port: number } | { local: true; host?: string };
  /** The longest a live wait may take before it is reported as stuck, in ms. */
  waitTimeoutMs: number;
  /** The models the target serves to this key today (read once, at setup; see served.ts). */
  models: ServedModels;
  /** The most credits one paid smoke task may cost (CONTRACT_MAX_CREDITS). */
  maxCredits: number;
}

export const LIVE_HOW_TO =
  'Live contract run skipped: set EVOLINK_API_KEY (optionally EVOLINK_BASE_URL; CONTRACT_ALLOW_BILLABLE=1 to include tests that create paid tasks) and run `pnpm test:live`.';

const TARGET_NAMES: readonly TargetName[] = ['mock', 'mock-replicas', 'mock-url', 'live'];

/**
 * Reads CONTRACT_TARGET: `mock` (the default) runs the suite against the mock and against two
 * replicas of it on one Redis; `mock-replicas`, `mock-url` or `live` runs it against that target alone.
 */
export function targetNameFromEnv(env: NodeJS.ProcessEnv = process.env): TargetName {
  const name = (env.CONTRACT_TARGET ?? 'mock').toLowerCase() as TargetName;
  if (!TARGET_NAMES.includes(name))
    throw new Error(`CONTRACT_TARGET must be one of ${TARGET_NAMES.join(', ')}, not ${name}`);
  return name;
}

/** The targets a run checks, each a vitest project of its name. */
export function targetsOfRun(env: NodeJS.ProcessEnv = process.env): TargetName[] {
  const name = targetNameFromEnv(env);
  return name === 'mock' ? ['mock', 'mock-replicas'] : [name];
}
