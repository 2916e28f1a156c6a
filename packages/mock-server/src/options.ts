// createMockServer's options, their defaults, and the checks that refuse nonsense early.

import { type ModelId, modelEntries } from '@videotask/spec';
import { generateWebhookSecret, secretKeyBytes } from './delivery/signature.js';
import { CHAOS_PROFILES, type ChaosProfile, isChaosProfile } from './domain/chaos.js';
import type { MockObserver } from './domain/observer.js';
import { MAX_CREDITS } from './domain/prices.js';
import { randomSeed } from './domain/random.js';
import type { MockStore } from './store/store.js';

/** Serves a static file of the API reference page (`/docs/<name>`); the Node entry reads swagger-ui-dist. */
export type DocsAssetProvider = (
  name: string,
) => Promise<{ body: Uint8Array | string; contentType: string } | undefined>;

export interface MockServerOptions {
  /** `real` (default) or `manual`: time moves only through `clock.advance` / the admin API. */
  clock?: 'real' | 'manual';
  /** Where a manual clock starts, ms since epoch (default: now). */
  startTime?: number;
  /** Divides every lifecycle timing (default 1). */
  speed?: number;
  /** Seeds ids, the random failure rate and progress jitter (default: random). */
  seed?: number | string;
  /** Share of tasks (0..1) that fail at random, seeded (default 0). */
  failureRate?: number;
  /** Accepted API keys; absent: any non-empty bearer token. */
  apiKeys?: string[];
  /** `whsec_<base64>` secret that signs callbacks (default: generated). */
  webhookSecret?: string;
  /** Allow http:// and loopback/private callback hosts (local development and tests). */
  allowLocalCallbacks?: boolean;
  /** Send callbacks without the webhook-timestamp / webhook-signature headers, as the live API does (default false). */
  unsignedCallbacks?: boolean;
  /** Where the mock keeps its state (default: a new in-memory store). */
  store?: MockStore;
  /** Base of result URLs (default `http://127.0.0.1:4010`). */
  publicUrl?: string;
  /** Starting credits of each API key (default 100). */
  credits?: number;
  /** Requests per second per API key (token bucket on the server's clock); absent: no limit. */
  rateLimit?: number;
  /** Serve the admin API under /__mock/ (default true). */
  admin?: boolean;
  /** When set, /__mock/* needs `Authorization: Bearer <adminToken>` or `x-admin-token: <adminToken>`. */
  adminToken?: string;
  /** The most tasks kept; the oldest are evicted beyond it (default 100,000). */
  maxTasks?: number;
  /** Sends callbacks (default globalThis.fetch). */
  fetch?: typeof fetch;
  /** Resolves a callback host at delivery time, to refuse private addresses (the Node entry passes node:dns). */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /** Receives one line per request and per callback attempt. */
  logger?: (line: string) => void;
  /** Real-time ms a manual advance waits for each callback attempt a fired timer started (default 200). */
  deliveryGraceMs?: number;
  /** Static files of the /docs page (swagger-ui); without it /docs is a plain page rendered from the spec. */
  docsAssets?: DocsAssetProvider;
  /** The models served (default: every model of the spec); others answer 403 model_access_denied. */
  models?: string[];
  /** Served models that start retired (403 model_access_denied, listed as retired in the catalog). */
  retired?: string[];
  /** A chaos profile in force from the start (`flaky-gateway`, `slow-provider`, …), seeded by `seed`; the admin API can change it. */
  chaos?: ChaosProfile | null;
  /** Told of each request, created task and callback attempt (the Node entry's --metrics); absent: none. */
  observer?: MockObserver;
}

export interface ResolvedOptions {
  clock: 'real' | 'manual';
  startTime: number;
  speed: number;
  seed: string;
  failureRate: number;
  apiKeys: Set<string> | null;
  webhookSecret: string;
  allowLocalCallbacks: boolean;
  unsignedCallbacks: boolean;
  store: MockStore | undefined;
  publicUrl: string;
  credits: number;
  rateLimit: number | null;
  admin: boolean;
  adminToken: string | null;
  maxTasks: number;
  fetch: typeof fetch;
  resolveHost: ((hostname: string) => Promise<string[]>) | undefined;
  logger: ((line: string) => void) | undefined;
  deliveryGraceMs: number;
  docsAssets: DocsAssetProvider | undefined;
  /** Served model ids, in the spec's order. */
  models: readonly ModelId[];
  retired: ReadonlySet<string>;
  chaos: ChaosProfile | null;
  observer: MockObserver | undefined;
}

export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:4010';
export const DEFAULT_CREDITS = 100;
export const DEFAULT_MAX_TASKS = 100_000;

/** The served models and the retired ones, checked against the spec's list. */
export function resolveModels(served: string[] | undefined, retired: string[] = []) {
  const known = modelEntries().map((entry) => entry.id);
  for (const id of [...(served ?? []), ...retired]) {
    if (!(known as string[]).includes(id)) {
      throw new RangeError(`unknown model ${JSON.stringify(id)}; the spec describes: ${known.join(', ')}`);
    }
  }
  const models = served?.length ? known.filter((id) => served.includes(id)) : known;
  for (const id of retired) {
    if (!(models as string[]).includes(id))
      throw new RangeError(`retired model ${id} is not among the served models`);
  }
  return { models, retired: new Set(retired) };
}

/** The chaos profile asked for, checked against the table's names. */
export function resolveChaos(name: string | null | undefined): ChaosProfile | null {
  if (name === undefined || name === null) return null;
  if (!isChaosProfile(name)) {
    throw new RangeError(
      `unknown chaos profile ${JSON.stringify(name)}; the profiles are: ${CHAOS_PROFILES.join(', ')}`,
    );
  }
  return name;
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`${name} must be a number > 0, got ${value}`);
  return value;
}

export function resolveOptions(options: MockServerOptions = {}): ResolvedOptions {
  const clock = options.clock ?? 'real';
  if (clock !== 'real' && clock !== 'manual')
    throw new RangeError(`clock must be real or manual, got ${clock}`);
  const failureRate = options.failureRate ?? 0;
  if (!(failureRate >= 0 && failureRate <= 1)) {
    throw new RangeError(`failureRate must be between 0 and 1, got ${failureRate}`);
  }
  const webhookSecret = options.webhookSecret ?? generateWebhookSecret();
  secretKeyBytes(webhookSecret);
  const publicUrl = (options.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, '');
  new URL(publicUrl);
  const credits = options.credits ?? DEFAULT_CREDITS;
  if (!Number.isFinite(credits) || credits < 0 || credits > MAX_CREDITS)
    throw new RangeError(`credits must be from 0 to ${MAX_CREDITS}, got ${credits}`);
  const maxTasks = Math.floor(positive('maxTasks', options.maxTasks ?? DEFAULT_MAX_TASKS));
  const apiKeys = options.apiKeys?.length ? new Set(options.apiKeys) : null;
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    clock,
    startTime: options.startTime ?? Date.now(),
    speed: positive('speed', options.speed ?? 1),
    seed: String(options.seed ?? randomSeed()),
    failureRate,
    apiKeys,
    webhookSecret,
    allowLocalCallbacks: options.allowLocalCallbacks ?? false,
    unsignedCallbacks: options.unsignedCallbacks ?? false,
    store: options.store,
    publicUrl,
    credits,
    rateLimit: options.rateLimit === undefined ? null : positive('rateLimit', options.rateLimit),
    admin: options.admin ?? true,
    adminToken: options.adminToken || null,
    maxTasks,
    fetch: fetchFn,
    resolveHost: options.resolveHost,
    logger: options.logger,
    deliveryGraceMs: options.deliveryGraceMs ?? 200,
    docsAssets: options.docsAssets,
    ...resolveModels(options.models, options.retired),
    chaos: resolveChaos(options.chaos),
    observer: options.observer,
  };
}
