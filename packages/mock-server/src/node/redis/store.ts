// The Redis store: every replica's shared state in one Redis (node-redis's @redis/client), each rule one Lua script.
import { createClient, type RedisClientType } from '@redis/client';
import type { DeliveryAttempt } from '../../domain/delivery-attempt.js';
import type { Timeline } from '../../domain/lifecycle.js';
import type { ModelState } from '../../domain/model-state.js';
import type { Fault, FaultSpec } from '../../store/faults.js';
import {
  type Account,
  type AttemptRef,
  type CallbackJob,
  type InsertOptions,
  type InsertOutcome,
  type MockStore,
  type StoredTask,
  StoreUnavailableError,
  type TaskPage,
  type TaskPageFilter,
} from '../../store/store.js';
import * as scripts from './scripts.js';

export interface RedisStoreOptions {
  /** `redis://HOST:PORT[/DB]` */
  url: string;
  /** Prefix of every key, so several mocks can share one Redis (default `videotask:`). */
  prefix?: string;
  maxTasks: number;
  /** Starting UC of each API key. */
  startingUc: number;
  /** Tasks are forgotten this long after they end. */
  retentionMs: number;
  /** Attempts kept for listing (default 10,000). */
  maxAttempts?: number;
  /** A command not answered within this is refused (default 2,000 ms): Redis down never hangs a request. */
  commandTimeoutMs?: number;
}

type Reply = string | number | null | Reply[];

/** A task as the scripts store it: Infinity (a stuck task's end) travels as null; expiresAt is derived. */
function decodeTask(raw: string, retentionMs: number): StoredTask {
  const t = JSON.parse(raw) as Record<string, unknown>;
  const inf = (v: unknown) => (typeof v === 'number' ? v : Number.POSITIVE_INFINITY);
  const endAt = inf(t.endAt);
  return { ...t, endAt, freezeAt: inf(t.freezeAt), expiresAt: endAt + retentionMs } as unknown as StoredTask;
}

function encodeTask(task: StoredTask): string {
  const { expiresAt: _derived, ...fields } = task as StoredTask & Record<string, unknown>;
  const plain: Record<string, unknown> = {};
  // Only the StoredTask's own data (a TaskRecord also carries in-process bookkeeping).
  for (const key of TASK_FIELDS) plain[key] = fields[key];
  return JSON.stringify(plain, (_k, v) => (v === Number.POSITIVE_INFINITY ? null : v));
}

const TASK_FIELDS = [
  'id',
  'apiKey',
  'model',
  'duration',
  'aspectRatio',
  'removeWatermark',
  'image',
  'priceUc',
  'callbackUrl',
  'failureCode',
  'scenario',
  'idempotencyKey',
  'fingerprint',
  'settled',
  'cancelled',
  'createdAt',
  'processingAt',
  'processingMs',
  'endAt',
  'outcome',
  'freezeAt',
  'seed',
] as const;

export class RedisStore implements MockStore {
  readonly description: string;
  /** Another replica may have added a fault at any time: always ask. */
  readonly mayHaveFaults = true;
  readonly shared = true;
  private readonly client: RedisClientType;
  private readonly prefix: string;
  private readonly shas = new Map<string, string>();
  private readonly settings: string[];
  private connected = false;

  private constructor(private readonly options: RedisStoreOptions) {
    this.prefix = options.prefix ?? 'videotask:';
    this.description = `redis ${redactUrl(options.url)} (prefix ${this.prefix})`;
    this.settings = [
      this.prefix,
      String(options.maxTasks),
      String(options.startingUc),
      String(options.retentionMs),
    ];
    this.client = createClient({
      url: options.url,
      // Fail fast while disconnected instead of queueing: the API answers 503 at once.
      disableOfflineQueue: true,
      commandOptions: { timeout: options.commandTimeoutMs ?? 2000, rejectInFlight: true },
      socket: {
        connectTimeout: 2000,
        // At start a Redis that cannot be reached is an error; once connected, reconnect for ever.
        reconnectStrategy: (retries, cause) => (this.connected ? Math.min(100 * 2 ** retries, 1000) : cause),
      },
    }) as RedisClientType;
    this.client.on('ready', () => {
      this.connected = true;
    });
    // Errors surface on the commands; a listener keeps a dropped connection from crashing the process.
    this.client.on('error', () => {});
  }

  /** Connects (rejects with a one-line reason when Redis cannot be reached). */
  static async connect(options: RedisStoreOptions): Promise<RedisStore> {
    const store = new RedisStore(options);
    try {
      await store.client.connect();
    } catch (error) {
      await store.client.destroy();
      throw new StoreUnavailableError(
        `Redis at ${redactUrl(options.url)} cannot be reached (${reason(error)})`,
      );
    }
    return store;
  }

  /** Runs a script by its SHA (loading it once, and again after Redis forgot it). */
  private async run(script: string, args: (string | number)[]): Promise<Reply> {
    const argv = [...this.settings, ...args.map(String)];
    try {
      let sha = this.shas.get(script);
      if (!sha) {
        sha = (await this.client.scriptLoad(script)) as string;
        this.shas.set(script, sha);
      }
      try {
        return (await this.client.sendCommand(['EVALSHA', sha, '0', ...argv])) as Reply;
      } catch (error) {
        if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
        this.shas.delete(script);
        return (await this.client.sendCommand(['EVAL', script, '0', ...argv])) as Reply;
      }
    } catch (error) {
      throw unavailable(error);
    }
  }

  /** One plain command, its failures reported as the store being unavailable. */
  private async call<T>(command: (client: RedisClientType) => Promise<T>): Promise<T> {
    try {
      return await command(this.client);
    } catch (error) {
      throw unavailable(error);
    }
  }

  private key(name: string): string {
    return this.prefix + name;
  }

  private task(raw: Reply): StoredTask {
    return decodeTask(raw as string, this.options.retentionMs);
  }

  async insertTask(task: StoredTask, now: number, options: InsertOptions = {}): Promise<InsertOutcome> {
    const free = options.free ? '1' : '';
    const [kind, value] = (await this.run(scripts.INSERT_TASK, [encodeTask(task), now, free])) as string[];
    switch (kind) {
      case 'created':
      case 'replayed':
        return { kind, task: this.task(value as string) };
      case 'insufficient':
        return { kind, remaining: Number(value) };
      case 'conflict':
        return { kind };
      default:
        return { kind: 'id_taken' };
    }
  }

  async getTask(id: string, now: number): Promise<StoredTask | undefined> {
    const raw = await this.run(scripts.GET_TASK, [id, now]);
    return raw ? this.task(raw) : undefined;
  }

  async listTasks(now: number): Promise<readonly StoredTask[]> {
    const raws = (await this.run(scripts.LIST_TASKS, [now])) as string[];
    return raws.map((raw) => this.task(raw));
  }

  async pageTasksOf(
    apiKey: string,
    filter: TaskPageFilter,
    offset: number,
    limit: number,
    now: number,
  ): Promise<TaskPage> {
    const { where } = filter;
    const args = [apiKey, filter.model ?? '', offset, limit, now, where ? '1' : ''];
    const reply = (await this.run(scripts.PAGE_TASKS, args)) as [number, string[], string[]?];
    if (!where) return { tasks: reply[1].map((raw) => this.task(raw)), total: reply[0] };
    // The scan: every task's compact timeline is tested, newest first; then the page's tasks are read.
    const [, ids, timelines = []] = reply;
    const pageIds: string[] = [];
    let total = 0;
    for (let i = ids.length - 1; i >= 0; i--) {
      const text = timelines[i];
      if (!text || !where(parseTimeline(text))) continue;
      if (total >= offset && pageIds.length < limit) pageIds.push(ids[i] as string);
      total++;
    }
    return { tasks: pageIds.length ? await this.tasksByIds(apiKey, pageIds, now) : [], total };
  }

  async tasksByIds(apiKey: string, ids: readonly string[], now: number): Promise<StoredTask[]> {
    const raws = (await this.run(scripts.TASKS_BY_IDS, [apiKey, now, ...ids])) as string[];
    return raws.map((raw) => this.task(raw));
  }

  async cancelTask(id: string, now: number): Promise<{ task: StoredTask; ended: boolean } | undefined> {
    const reply = (await this.run(scripts.CANCEL_TASK, [id, now])) as string[] | null;
    if (!reply) return undefined;
    return { task: this.task(reply[1] as string), ended: reply[0] === 'ended' };
  }

  async account(apiKey: string, now: number): Promise<Account> {
    return this.accountCall(apiKey, now, '');
  }

  async setRemaining(apiKey: string, milli: number, now: number): Promise<Account> {
    return this.accountCall(apiKey, now, String(milli));
  }

  private async accountCall(apiKey: string, now: number, remaining: string): Promise<Account> {
    const reply = (await this.run(scripts.ACCOUNT, [apiKey, now, remaining])) as string[];
    return { remaining: Number(reply[0]), used: Number(reply[1]) };
  }

  async settleDue(now: number): Promise<void> {
    await this.run(scripts.GET_TASK, ['', now]);
  }

  async takeRateToken(apiKey: string, ratePerSecond: number, now: number): Promise<number> {
    return Number(await this.run(scripts.TAKE_RATE_TOKEN, [apiKey, ratePerSecond, now]));
  }

  async addFault(spec: FaultSpec): Promise<Fault> {
    const id = await this.call((c) => c.incr(this.key('faults:seq')));
    const count = spec.count ?? 1;
    const fault: Fault = { ...spec, id, count, remaining: count };
    await this.call((c) =>
      c
        .multi()
        .hSet(this.key('fault'), String(id), JSON.stringify(fault))
        .zAdd(this.key('faults'), { score: id, value: String(id) })
        .exec(),
    );
    return fault;
  }

  async takeFault(path: string): Promise<Fault | undefined> {
    const raw = await this.run(scripts.TAKE_FAULT, [path]);
    return raw ? (JSON.parse(raw as string) as Fault) : undefined;
  }

  async listFaults(): Promise<Fault[]> {
    const ids = await this.call((c) => c.zRange(this.key('faults'), 0, -1));
    if (!ids.length) return [];
    const raws = await this.call((c) => c.hmGet(this.key('fault'), ids));
    return raws.filter((r): r is string => typeof r === 'string').map((r) => JSON.parse(r) as Fault);
  }

  async clearFaults(): Promise<void> {
    await this.call((c) => c.del([this.key('faults'), this.key('fault')]));
  }

  async modelStates(): Promise<Record<string, ModelState>> {
    return (await this.call((c) => c.hGetAll(this.key('model-states')))) as Record<string, ModelState>;
  }

  async setModelState(model: string, state: ModelState | null): Promise<void> {
    await this.call((c) =>
      state === null
        ? c.hDel(this.key('model-states'), model)
        : c.hSet(this.key('model-states'), model, state),
    );
  }

  async appendAttempt(attempt: DeliveryAttempt): Promise<AttemptRef> {
    const max = this.options.maxAttempts ?? 10_000;
    return Number(await this.run(scripts.APPEND_ATTEMPT, [JSON.stringify(attempt), 0, max]));
  }

  async updateAttempt(ref: AttemptRef, attempt: DeliveryAttempt): Promise<void> {
    // Only an attempt still listed is updated (a pruned one stays gone).
    await this.run(scripts.UPDATE_ATTEMPT, [ref, JSON.stringify(attempt)]);
  }

  async listAttempts(filter: { taskId?: string }): Promise<DeliveryAttempt[]> {
    const refs = await this.call((c) => c.zRange(this.key('attempts'), 0, -1));
    if (!refs.length) return [];
    const raws = await this.call((c) => c.hmGet(this.key('attempt'), refs));
    const all = raws
      .filter((r): r is string => typeof r === 'string')
      .map((r) => JSON.parse(r) as DeliveryAttempt);
    return filter.taskId ? all.filter((a) => a.taskId === filter.taskId) : all;
  }

  async pruneAttempts(cutoff: number): Promise<void> {
    await this.run(scripts.PRUNE_ATTEMPTS, [cutoff]);
  }

  async scheduleCallback(job: CallbackJob): Promise<void> {
    await this.call((c) =>
      c
        .multi()
        .hSet(this.key('jobs'), job.id, JSON.stringify(job))
        .zAdd(this.key('jobs:due'), { score: job.at, value: job.id })
        .exec(),
    );
  }

  async claimDueCallbacks(now: number, _owner: string, leaseMs: number): Promise<CallbackJob[]> {
    const raws = (await this.run(scripts.CLAIM_DUE_CALLBACKS, [now, leaseMs])) as string[];
    return raws.map((raw) => JSON.parse(raw) as CallbackJob);
  }

  async finishCallback(jobId: string): Promise<void> {
    await this.call((c) => c.multi().hDel(this.key('jobs'), jobId).zRem(this.key('jobs:due'), jobId).exec());
  }

  async nextCallbackAt(): Promise<number | null> {
    const first = await this.call((c) => c.zRangeWithScores(this.key('jobs:due'), 0, 0));
    return first[0]?.score ?? null;
  }

  async manualTime(): Promise<number | null> {
    const raw = await this.call((c) => c.get(this.key('clock')));
    return raw === null ? null : Number(raw);
  }

  async setManualTime(ms: number): Promise<void> {
    await this.run(scripts.RAISE_CLOCK, [ms]);
  }

  /**
   * The webhook secret every replica signs with: the stored one, or `given` (else `generated`) stored
   * now. A replica given a secret that differs from the stored one is refused.
   */
  async sharedSecret(given: string | undefined, generated: string): Promise<string> {
    const key = this.key('webhook-secret');
    await this.call((c) => c.set(key, given ?? generated, { condition: 'NX' } as never));
    const stored = (await this.call((c) => c.get(key))) as string;
    if (given !== undefined && stored !== given) {
      throw new Error(
        `The webhook secret differs from the one the other replicas use (stored in Redis under ${key}); start with the same --webhook-secret, or none`,
      );
    }
    return stored;
  }

  /** Forgets everything under the prefix but the clock and the webhook secret. */
  async clear(): Promise<void> {
    const keep = new Set([this.key('clock'), this.key('webhook-secret')]);
    await this.call(async (c) => {
      for await (const keys of c.scanIterator({ MATCH: `${escapeGlob(this.prefix)}*`, COUNT: 1000 })) {
        const drop = (keys as string[]).filter((k) => !keep.has(k));
        if (drop.length) await c.unlink(drop);
      }
    });
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close().catch(() => this.client.destroy());
  }
}

/** A timeline as the scripts keep it for a status filter: seven space-separated fields, `inf` for Infinity. */
function parseTimeline(text: string): Timeline {
  const [createdAt, processingAt, processingMs, endAt, outcome, freezeAt, seed] = text.split(' ');
  const n = (v: string | undefined) => (v === 'inf' ? Number.POSITIVE_INFINITY : Number(v));
  return {
    createdAt: n(createdAt),
    processingAt: n(processingAt),
    processingMs: n(processingMs),
    endAt: n(endAt),
    outcome: outcome as Timeline['outcome'],
    freezeAt: n(freezeAt),
    seed: n(seed),
  };
}

function reason(error: unknown): string {
  const e = error as { message?: string; errors?: { message?: string }[] };
  return e.errors?.[0]?.message ?? e.message ?? String(error);
}

function unavailable(error: unknown): Error {
  if (error instanceof StoreUnavailableError) return error;
  // A script error (a bug, not an outage) stays what it is.
  if (error instanceof Error && error.constructor.name === 'ErrorReply') return error;
  return new StoreUnavailableError(`Redis is unavailable (${reason(error)})`);
}

/** The URL without its password, for banners and errors. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
