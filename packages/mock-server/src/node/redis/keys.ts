// The Redis store's key names: one hash tag per tenant (API key) and one for the prefix's own data, so every
// script's keys share a slot on a Redis Cluster while tenants spread over the shards (docs/redis-keys.md).
import { TENANT_KEYS } from './scripts.js';

/** What is wrong with a store prefix, or undefined when it is fine. */
export function prefixProblem(prefix: string): string | undefined {
  if (prefix === '') return 'must not be empty';
  // A brace in the prefix would become (part of) the hash tag of every key: one slot, or none.
  if (/[{}]/.test(prefix))
    return `must not contain { or } (they mark Redis Cluster hash tags), got "${prefix}"`;
  return undefined;
}

/** `%` and `}` escaped, so an API key can never end its hash tag early (and two keys never meet). */
function escapeTag(text: string): string {
  return text.replace(/[%}]/g, (c) => (c === '%' ? '%25' : '%7D'));
}

export class RedisKeys {
  /** The prefix's own slot: faults, attempts, jobs, the clock, the secret, the task registry. */
  readonly faults: string;
  readonly fault: string;
  readonly faultSeq: string;
  readonly attempt: string;
  readonly attempts: string;
  readonly attemptSeq: string;
  readonly jobs: string;
  readonly jobsDue: string;
  /** The clock's state (a hash: anchor, real, factor, paused, epoch). */
  readonly clockState: string;
  readonly webhookSecret: string;
  readonly modelStates: string;
  /** The run-time chaos profile and its draw count (a hash). */
  readonly chaos: string;
  /** The task registry, in REGISTRY's order (scripts.ts). */
  readonly registry: string[];
  readonly tenants: string;
  private readonly cache = new Map<string, string[]>();

  constructor(readonly prefix: string) {
    const problem = prefixProblem(prefix);
    if (problem) throw new Error(`The store prefix ${problem}`);
    const own = (name: string) => `${prefix}{${prefix}}:${name}`;
    this.faults = own('faults');
    this.fault = own('fault');
    this.faultSeq = own('faults:seq');
    this.attempt = own('attempt');
    this.attempts = own('attempts');
    this.attemptSeq = own('attempts:seq');
    this.jobs = own('jobs');
    this.jobsDue = own('jobs:due');
    this.clockState = own('clock-state');
    this.webhookSecret = own('webhook-secret');
    this.modelStates = own('model-states');
    this.chaos = own('chaos');
    this.tenants = own('tenants');
    this.registry = [own('owners'), own('order'), own('expires'), own('tasks:seq'), this.tenants];
  }

  private tag(apiKey: string): string {
    return `${this.prefix}{${this.prefix}${escapeTag(apiKey)}}:`;
  }

  /** One tenant's keys, in TENANT_KEYS' order (kept for the most recent keys: the hot path builds none). */
  tenant(apiKey: string): string[] {
    let keys = this.cache.get(apiKey);
    if (!keys) {
      const tag = this.tag(apiKey);
      keys = TENANT_KEYS.map((name) => tag + name);
      if (this.cache.size >= 1000) this.cache.clear();
      this.cache.set(apiKey, keys);
    }
    return keys;
  }

  /** The tenant's token bucket for one rate. */
  rate(apiKey: string, ratePerSecond: number): string {
    return `${this.tag(apiKey)}rate:${ratePerSecond}`;
  }
}
