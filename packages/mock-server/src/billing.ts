// Credits per API key: a create reserves the price, completion consumes it, failure returns it.
import { MinHeap } from './heap.js';
import type { TaskRecord } from './task.js';

export interface Account {
  /** Millicredits left (reservations already taken off). */
  remaining: number;
  /** Millicredits consumed by completed tasks. */
  used: number;
}

interface Settlement {
  at: number;
  seq: number;
  task: TaskRecord;
}

/** The spec's `CreditsResponse`. */
export interface CreditsJson {
  data: {
    token: { remaining_credits: number; unlimited_credits: boolean; used_credits: number };
    user: { remaining_credits: number; used_credits: number };
  };
  message: string;
  success: boolean;
}

export class Billing {
  private readonly accounts = new Map<string, Account>();
  /** Unsettled tasks by end time: settled lazily, whenever anyone looks. */
  private readonly queue = new MinHeap<Settlement>();
  private seq = 0;

  constructor(private readonly startingMilli: number) {}

  account(apiKey: string): Account {
    let account = this.accounts.get(apiKey);
    if (!account) {
      account = { remaining: this.startingMilli, used: 0 };
      this.accounts.set(apiKey, account);
    }
    return account;
  }

  setRemaining(apiKey: string, milli: number): void {
    this.account(apiKey).remaining = milli;
  }

  /** Takes the task's price off its key's balance until the task ends. */
  reserve(task: TaskRecord): void {
    this.account(task.apiKey).remaining -= task.priceMilli;
    if (Number.isFinite(task.endAt)) this.queue.push({ at: task.endAt, seq: this.seq++, task });
  }

  /** Settles every task that has ended by `now`. O(1) when none has. */
  settleDue(now: number): void {
    for (let top = this.queue.peek(); top && top.at <= now; top = this.queue.peek()) {
      this.queue.pop();
      this.settle(top.task);
    }
  }

  /** Consumes (completed) or returns (failed) the task's reservation, once. */
  settle(task: TaskRecord): void {
    if (task.settled) return;
    task.settled = true;
    const account = this.account(task.apiKey);
    if (task.outcome === 'completed') account.used += task.priceMilli;
    else account.remaining += task.priceMilli;
  }

  view(apiKey: string): CreditsJson {
    const { remaining, used } = this.account(apiKey);
    const remaining_credits = remaining / 1000;
    const used_credits = used / 1000;
    return {
      data: {
        token: { remaining_credits, unlimited_credits: false, used_credits },
        user: { remaining_credits, used_credits },
      },
      message: 'success',
      success: true,
    };
  }

  clear(): void {
    this.accounts.clear();
    this.queue.clear();
  }
}
