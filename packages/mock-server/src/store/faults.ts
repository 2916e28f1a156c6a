// Injected faults (the next N requests answer 429/500/502/503, or slowly) and the per-key rate limit;
// the shapes are the admin spec's (mock-admin.yaml, generated).
import type { AdminSchemas } from '@videotask/spec';
import { faultStatusValues } from '@videotask/spec/admin-types';

/** The statuses a fault may answer with (`FaultStatus` in mock-admin.yaml). */
export const FAULT_STATUSES = faultStatusValues;
export type FaultStatus = AdminSchemas['FaultStatus'];
/** A fault to inject, as the admin API takes it. */
export type FaultSpec = AdminSchemas['FaultSpec'];
/** An injected fault, with its id and what is left of it. */
export type Fault = AdminSchemas['Fault'];

export class Faults {
  private faults: Fault[] = [];
  private nextId = 1;

  get size(): number {
    return this.faults.length;
  }

  add(spec: FaultSpec): Fault {
    const count = spec.count ?? 1;
    const fault: Fault = { ...spec, id: this.nextId++, count, remaining: count };
    this.faults.push(fault);
    return fault;
  }

  /** The first fault that applies to `path`, used up by one. */
  take(path: string): Fault | undefined {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: one at 0 is dropped (counts are ≥ 1).
    const index = this.faults.findIndex((f) => f.remaining > 0 && (!f.path || path.startsWith(f.path)));
    if (index < 0) return undefined;
    const fault = this.faults[index] as Fault;
    fault.remaining--;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }
}

/**
 * A token bucket per key on the server's clock: `rate` requests per second, bursts up to `rate` (at least
 * one, or a rate below 1/s would never hold a whole token and refuse every request).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly capacity: number;

  constructor(private readonly rate: number) {
    this.capacity = Math.max(1, rate);
  }

  /** 0 when the request may go ahead, otherwise the seconds to wait (for Retry-After). */
  take(key: string, now: number): number {
    let bucket = this.buckets.get(key);
    // Stryker disable EqualityOperator: at the same instant (now === bucket.at) the refill is zero.
    if (!bucket) {
      bucket = { tokens: this.capacity, at: now };
      this.buckets.set(key, bucket);
    } else if (now > bucket.at) {
      bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.rate);
      bucket.at = now;
    }
    // Stryker restore EqualityOperator
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.rate));
  }
}
