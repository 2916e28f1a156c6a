// Credits per API key: a create reserves the price, completion consumes it, failure returns it.
import type { Schemas } from '@videotask/spec';
import { IndexedHeap } from '../domain/heap.js';
import { toCredits } from '../domain/prices.js';
import type { TaskRecord } from '../domain/task.js';

export interface Account {
  /** UC left (reservations already taken off). */
  remaining: number;
  /** UC consumed by completed tasks. */
  used: number;
}

/** The spec's `CreditsResponse` (generated). */
export type CreditsJson = Schemas['CreditsResponse'];

export class Billing {
  private readonly accounts = new Map<string, Account>();
  /**
   * Unsettled tasks by end time: settled lazily, whenever anyone looks. Holds only stored tasks. Tasks
   * ending at one instant settle in the same sweep, so their order among themselves changes nothing.
   */
  private readonly queue = new IndexedHeap<TaskRecord>(
    // Stryker disable next-line EqualityOperator: ties settle in one sweep, in any order.
    (a, b) => a.settleAt < b.settleAt,
    (task, index) => {
      task.settleIndex = index;
    },
    (task) => task.settleIndex,
  );

  constructor(private readonly startingUc: number) {}

  account(apiKey: string): Account {
    let account = this.accounts.get(apiKey);
    if (!account) {
      account = { remaining: this.startingUc, used: 0 };
      this.accounts.set(apiKey, account);
    }
    return account;
  }

  setRemaining(apiKey: string, milli: number): void {
    this.account(apiKey).remaining = milli;
  }

  /** Takes the task's price off its key's balance until the task ends. */
  reserve(task: TaskRecord): void {
    this.account(task.apiKey).remaining -= task.priceUc;
    if (Number.isFinite(task.endAt)) {
      task.settleAt = task.endAt;
      this.queue.push(task);
    }
  }

  /** Settles every task that has ended by `now`. O(1) when none has. */
  settleDue(now: number): void {
    for (let top = this.queue.peek(); top && top.settleAt <= now; top = this.queue.peek()) {
      this.settle(top);
    }
  }

  /** Consumes (completed) or returns (failed) the task's reservation, once. */
  settle(task: TaskRecord): void {
    if (task.settled) return;
    task.settled = true;
    this.queue.remove(task);
    const account = this.account(task.apiKey);
    if (task.outcome === 'completed') account.used += task.priceUc;
    else account.remaining += task.priceUc;
  }

  /**
   * A task leaves the store (expired, evicted, reset): an ended one settles as usual; a running
   * one gives its reservation back, since it will never finish.
   */
  forget(task: TaskRecord, now: number): void {
    if (task.settled) return;
    if (task.endAt <= now) {
      this.settle(task);
      return;
    }
    task.settled = true;
    this.queue.remove(task);
    this.account(task.apiKey).remaining += task.priceUc;
  }

  /** Tasks waiting to settle (for tests and the admin view). */
  get pending(): number {
    return this.queue.size;
  }

  clear(): void {
    this.accounts.clear();
    this.queue.clear();
  }
}

/** An account as GET /v1/credits answers it. */
export function creditsJson({ remaining, used }: Account): CreditsJson {
  const remaining_credits = toCredits(remaining);
  const used_credits = toCredits(used);
  return {
    data: {
      token: { remaining_credits, unlimited_credits: false, used_credits },
      user: { remaining_credits, used_credits },
    },
    message: 'success',
    success: true,
  };
}
