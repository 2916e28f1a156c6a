// The Redis store: every replica's shared state in one Redis or one Redis Cluster (node-redis's @redis/client),
// each rule one Lua script on one slot; what spans tenants is swept across their slots (docs/redis-keys.md).
import type { ClockState } from '../../domain/clock-state.js';
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
  type StoredChaos,
  type StoredChaosState,
  type StoredTask,
  StoreUnavailableError,
  type TaskPage,
  type TaskPageFilter,
} from '../../store/store.js';
import { RedisConnection, type Reply } from './connection.js';
import { RedisKeys } from './keys.js';
import * as scripts from './scripts.js';

export interface RedisStoreOptions {
  /** `redis://HOST:PORT[/DB]`, or `redis-cluster://HOST:PORT[,HOST:PORT…]` for a Redis Cluster. */
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
  // JSON has no Infinity: a stuck task's end travels as null.
  return JSON.stringify(plain);
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
  'traceparent',
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
  private readonly keys: RedisKeys;
  private readonly redis: RedisConnection;
  /** ARGV[1..2] of every tenant script. */
  private readonly settings: string[];

  private constructor(private readonly options: RedisStoreOptions) {
    this.keys = new RedisKeys(options.prefix ?? 'videotask:');
    const kind = options.url.startsWith('redis-cluster:') ? 'redis cluster' : 'redis';
    this.description = `${kind} ${redactUrl(options.url)} (prefix ${this.keys.prefix})`;
    this.settings = [String(options.startingUc), String(options.retentionMs)];
    this.redis = new RedisConnection(options.url, options.commandTimeoutMs);
  }

  /** Connects (rejects with a one-line reason when Redis cannot be reached). */
  static async connect(options: RedisStoreOptions): Promise<RedisStore> {
    const store = new RedisStore(options);
    try {
      await store.redis.connect();
    } catch (error) {
      await store.redis.destroy();
      throw new StoreUnavailableError(
        `Redis at ${redactUrl(options.url)} cannot be reached (${RedisConnection.reason(error)})`,
      );
    }
    return store;
  }

  /** A script on one tenant's slot. */
  private tenantRun(script: string, apiKey: string, args: (string | number)[]): Promise<Reply> {
    return this.redis.run(script, this.keys.tenant(apiKey), [...this.settings, ...args]);
  }

  /** A script on the prefix's task registry. */
  private registryRun(script: string, args: (string | number)[]): Promise<Reply> {
    return this.redis.run(script, this.keys.registry, args);
  }

  private task(raw: Reply): StoredTask {
    return decodeTask(raw as string, this.options.retentionMs);
  }

  /** The API key whose slot holds task `id` (the registry's word), for lookups by id alone. */
  private async ownerOf(id: string): Promise<string | undefined> {
    const owners = this.keys.registry[0] as string;
    const owner = await this.redis.send(owners, ['HGET', owners, id]);
    return typeof owner === 'string' ? owner : undefined;
  }

  /** Runs `each` for every tenant with tasks, in parallel (one slot each: no command spans two). */
  private async sweep<T>(each: (apiKey: string) => Promise<T>): Promise<T[]> {
    const tenants = (await this.redis.send(this.keys.tenants, ['SMEMBERS', this.keys.tenants])) as string[];
    return Promise.all(tenants.map(each));
  }

  /**
   * The size bound spans tenants, and no script may: the prefix's registry gives each task its place
   * in one creation order first (refusing an id another key holds) and names the oldest tasks beyond
   * the bound, the tenant's script then decides the create, and a create that happened evicts those
   * tasks, each in its own tenant's slot. A registration whose create did not happen is withdrawn.
   */
  async insertTask(task: StoredTask, now: number, options: InsertOptions = {}): Promise<InsertOutcome> {
    const expiry = Number.isFinite(task.endAt) ? String(task.endAt + this.options.retentionMs) : '';
    const [seq, beyond] = (await this.registryRun(scripts.REGISTER_TASK, [
      task.id,
      task.apiKey,
      now,
      expiry,
      this.options.maxTasks,
    ])) as [number, [string, string][]];
    if (!seq) return { kind: 'id_taken' };
    const free = options.free ? '1' : '';
    let reply: string[];
    try {
      reply = (await this.tenantRun(scripts.INSERT_TASK, task.apiKey, [
        encodeTask(task),
        now,
        free,
        seq,
      ])) as string[];
    } catch (error) {
      await this.forget(task.id, task.apiKey);
      throw error;
    }
    const [kind, value] = reply;
    if (kind !== 'created') await this.forget(task.id, task.apiKey);
    else await this.evict(beyond, now);
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

  /** Withdraws a registration (best effort: a stale one only counts one task too many until it is evicted). */
  private async forget(id: string, apiKey: string): Promise<void> {
    await this.registryRun(scripts.FORGET_TASK, [id, apiKey]).catch(() => {});
  }

  /** Evicts tasks beyond the size bound: each in its owner's slot (settled or refunded), then from the registry. */
  private async evict(tasks: [id: string, apiKey: string][], now: number): Promise<void> {
    await Promise.all(
      tasks.map(async ([id, apiKey]) => {
        await this.tenantRun(scripts.REMOVE_TASK, apiKey, [id, now]);
        await this.registryRun(scripts.FORGET_TASK, [id, apiKey]);
      }),
    );
  }

  /** With `apiKey` only that key's slot is read (one round trip); without, the registry names the slot. */
  async getTask(id: string, now: number, apiKey?: string): Promise<StoredTask | undefined> {
    const owner = apiKey ?? (await this.ownerOf(id));
    if (owner === undefined) return undefined;
    const raw = await this.tenantRun(scripts.GET_TASK, owner, [id, now]);
    return raw ? this.task(raw) : undefined;
  }

  async listTasks(now: number): Promise<readonly StoredTask[]> {
    const replies = (await this.sweep((apiKey) => this.tenantRun(scripts.LIST_TASKS, apiKey, [now]))) as [
      seq: string,
      raw: string,
    ][][];
    const all = replies.flat().map(([seq, raw]) => [Number(seq), raw] as const);
    return all.sort((a, b) => a[0] - b[0]).map(([, raw]) => this.task(raw));
  }

  async pageTasksOf(
    apiKey: string,
    filter: TaskPageFilter,
    offset: number,
    limit: number,
    now: number,
  ): Promise<TaskPage> {
    const { where } = filter;
    const args = [filter.model ?? '', offset, limit, now, where ? '1' : ''];
    const reply = (await this.tenantRun(scripts.PAGE_TASKS, apiKey, args)) as [number, string[], string[]];
    if (!where) return { tasks: reply[1].map((raw) => this.task(raw)), total: reply[0] };
    // The scan: every task's compact timeline is tested, newest first; then the page's tasks are read.
    const [, ids, timelines] = reply;
    const newestFirst = ids.map((id, i) => [id, timelines[i]] as const).reverse();
    const pageIds: string[] = [];
    let total = 0;
    for (const [id, text] of newestFirst) {
      if (!text || !where(parseTimeline(text))) continue;
      if (total >= offset && pageIds.length < limit) pageIds.push(id);
      total++;
    }
    return { tasks: pageIds.length ? await this.tasksByIds(apiKey, pageIds, now) : [], total };
  }

  async tasksByIds(apiKey: string, ids: readonly string[], now: number): Promise<StoredTask[]> {
    const raws = (await this.tenantRun(scripts.TASKS_BY_IDS, apiKey, [now, ...ids])) as string[];
    return raws.map((raw) => this.task(raw));
  }

  /**
   * Cancels in the task's slot; then, in the prefix's, drops its scheduled callback and moves its
   * registered expiry (best effort: the core never sends a cancelled task's own job).
   */
  async cancelTask(id: string, now: number): Promise<{ task: StoredTask; ended: boolean } | undefined> {
    const owner = await this.ownerOf(id);
    if (owner === undefined) return undefined;
    const reply = (await this.tenantRun(scripts.CANCEL_TASK, owner, [id, now])) as string[] | null;
    if (!reply) return undefined;
    const task = this.task(reply[1] as string);
    if (reply[0] === 'cancelled') {
      await Promise.all([
        this.finishCallback(`task:${id}`),
        this.registryRun(scripts.REEXPIRE_TASK, [id, now + this.options.retentionMs]),
      ]).catch(() => {});
    }
    return { task, ended: reply[0] === 'ended' };
  }

  async account(apiKey: string, now: number): Promise<Account> {
    return this.accountCall(apiKey, now, '');
  }

  async setRemaining(apiKey: string, milli: number, now: number): Promise<Account> {
    return this.accountCall(apiKey, now, String(milli));
  }

  private async accountCall(apiKey: string, now: number, remaining: string): Promise<Account> {
    const reply = (await this.tenantRun(scripts.ACCOUNT, apiKey, [now, remaining])) as string[];
    return { remaining: Number(reply[0]), used: Number(reply[1]) };
  }

  async settleDue(now: number): Promise<void> {
    await this.sweep((apiKey) => this.tenantRun(scripts.SWEEP, apiKey, [now]));
  }

  async takeRateToken(apiKey: string, ratePerSecond: number, now: number): Promise<number> {
    const bucket = this.keys.rate(apiKey, ratePerSecond);
    return Number(await this.redis.run(scripts.TAKE_RATE_TOKEN, [bucket], [ratePerSecond, now]));
  }

  async addFault(spec: FaultSpec): Promise<Fault> {
    const count = spec.count ?? 1;
    const { fault, faults, faultSeq } = this.keys;
    const raw = await this.redis.run(
      scripts.ADD_FAULT,
      [fault, faults, faultSeq],
      [JSON.stringify({ ...spec, count, remaining: count })],
    );
    return JSON.parse(raw as string) as Fault;
  }

  async takeFault(path: string): Promise<Fault | undefined> {
    const raw = await this.redis.run(scripts.TAKE_FAULT, [this.keys.fault, this.keys.faults], [path]);
    return raw ? (JSON.parse(raw as string) as Fault) : undefined;
  }

  /** The JSON values of a hash kept in the order of a sorted set's members (both in the prefix's slot). */
  private async ordered<T>(order: string, hash: string): Promise<T[]> {
    const ids = (await this.redis.send(order, ['ZRANGE', order, '0', '-1'])) as string[];
    if (!ids.length) return [];
    const raws = (await this.redis.send(hash, ['HMGET', hash, ...ids])) as (string | null)[];
    return raws.filter((r): r is string => typeof r === 'string').map((r) => JSON.parse(r) as T);
  }

  async listFaults(): Promise<Fault[]> {
    return this.ordered<Fault>(this.keys.faults, this.keys.fault);
  }

  async clearFaults(): Promise<void> {
    await this.redis.send(this.keys.faults, ['DEL', this.keys.faults, this.keys.fault]);
  }

  /** Another replica may have set a profile at any time: always ask. */
  readonly mayHaveChaos = true;

  async chaosState(): Promise<StoredChaosState> {
    const key = this.keys.chaos;
    return chaosStateOf((await this.redis.send(key, ['HMGET', key, 'setting', 'draws'])) as unknown[]);
  }

  async setChaos(setting: StoredChaos | null): Promise<void> {
    await this.redis.run(scripts.SET_CHAOS, [this.keys.chaos], [setting ? JSON.stringify(setting) : '']);
  }

  async takeChaosDraw(): Promise<StoredChaosState> {
    return chaosStateOf((await this.redis.run(scripts.TAKE_CHAOS_DRAW, [this.keys.chaos], [])) as unknown[]);
  }

  async modelStates(): Promise<Record<string, ModelState>> {
    const key = this.keys.modelStates;
    // RESP3 (node-redis's default): a map, read as an object.
    return { ...((await this.redis.send(key, ['HGETALL', key])) as unknown as Record<string, ModelState>) };
  }

  async setModelState(model: string, state: ModelState | null): Promise<void> {
    const key = this.keys.modelStates;
    await this.redis.send(key, state === null ? ['HDEL', key, model] : ['HSET', key, model, state]);
  }

  async appendAttempt(attempt: DeliveryAttempt): Promise<AttemptRef> {
    const max = this.options.maxAttempts ?? 10_000;
    const { attempt: hash, attempts, attemptSeq } = this.keys;
    return Number(
      await this.redis.run(
        scripts.APPEND_ATTEMPT,
        [hash, attempts, attemptSeq],
        [JSON.stringify(attempt), max],
      ),
    );
  }

  async updateAttempt(ref: AttemptRef, attempt: DeliveryAttempt): Promise<void> {
    // Only an attempt still listed is updated (a pruned one stays gone).
    await this.redis.run(scripts.UPDATE_ATTEMPT, [this.keys.attempt], [ref, JSON.stringify(attempt)]);
  }

  async listAttempts(filter: { taskId?: string }): Promise<DeliveryAttempt[]> {
    const all = await this.ordered<DeliveryAttempt>(this.keys.attempts, this.keys.attempt);
    return filter.taskId ? all.filter((a) => a.taskId === filter.taskId) : all;
  }

  async pruneAttempts(cutoff: number): Promise<void> {
    await this.redis.run(scripts.PRUNE_ATTEMPTS, [this.keys.attempt, this.keys.attempts], [cutoff]);
  }

  async scheduleCallback(job: CallbackJob): Promise<boolean> {
    const keys = [this.keys.jobs, this.keys.jobsDue];
    return (
      (await this.redis.run(scripts.SCHEDULE_CALLBACK, keys, [job.id, job.at, JSON.stringify(job)])) === 1
    );
  }

  async claimDueCallbacks(now: number, _owner: string, leaseMs: number): Promise<CallbackJob[]> {
    const keys = [this.keys.jobs, this.keys.jobsDue];
    const raws = (await this.redis.run(scripts.CLAIM_DUE_CALLBACKS, keys, [now, leaseMs])) as string[];
    return raws.map((raw) => JSON.parse(raw) as CallbackJob);
  }

  async finishCallback(jobId: string): Promise<void> {
    await this.redis.run(scripts.FINISH_CALLBACK, [this.keys.jobs, this.keys.jobsDue], [jobId]);
  }

  async nextCallbackAt(): Promise<number | null> {
    const key = this.keys.jobsDue;
    // RESP3: [[member, score]].
    const [first] = (await this.redis.send(key, ['ZRANGE', key, '0', '0', 'WITHSCORES'])) as [
      string,
      number,
    ][];
    return first ? Number(first[1]) : null;
  }

  async clockState(): Promise<ClockState | null> {
    const key = this.keys.clockState;
    const fields = ['anchor', 'real', 'factor', 'paused', 'epoch'];
    const [anchor, real, factor, paused, epoch] = (await this.redis.send(key, ['HMGET', key, ...fields])) as (
      | string
      | null
    )[];
    if (anchor === null || anchor === undefined) return null;
    return {
      anchor: Number(anchor),
      real: Number(real),
      factor: Number(factor),
      paused: paused === '1',
      epoch: Number(epoch),
    };
  }

  async replaceClock(state: ClockState): Promise<ClockState> {
    const { anchor, real, factor, paused } = state;
    const args = [anchor, real, factor, paused ? 1 : 0];
    const epoch = await this.redis.run(scripts.REPLACE_CLOCK, [this.keys.clockState], args);
    return { anchor, real, factor, paused, epoch: Number(epoch) };
  }

  async raiseClock(ms: number): Promise<void> {
    await this.redis.run(scripts.RAISE_CLOCK, [this.keys.clockState], [ms]);
  }

  /**
   * The webhook secret every replica signs with: the stored one, or `given` (else `generated`) stored
   * now. A replica given a secret that differs from the stored one is refused.
   */
  async sharedSecret(given: string | undefined, generated: string): Promise<string> {
    const key = this.keys.webhookSecret;
    await this.redis.send(key, ['SET', key, given ?? generated, 'NX']);
    const stored = (await this.redis.send(key, ['GET', key])) as string;
    if (given !== undefined && stored !== given) {
      throw new Error(
        `The webhook secret differs from the one the other replicas use (stored in Redis under ${key}); start with the same --webhook-secret, or none`,
      );
    }
    return stored;
  }

  /** Forgets everything under the prefix but the clock and the webhook secret (on every master: keys one by one). */
  async clear(): Promise<void> {
    const keep = new Set([this.keys.clockState, this.keys.webhookSecret]);
    const drop = (await this.redis.scan(`${escapeGlob(this.keys.prefix)}*`)).filter((k) => !keep.has(k));
    await Promise.all(drop.map((key) => this.redis.send(key, ['UNLINK', key])));
  }

  async close(): Promise<void> {
    await this.redis.close();
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

/** The URL without its password, for banners and errors. */
export function redactUrl(url: string): string {
  // A cluster's URL names several hosts (not a WHATWG URL): only its password is hidden.
  if (url.startsWith('redis-cluster:')) return url.replace(/(redis-cluster:\/\/[^:@/]*:)[^@/]*@/, '$1***@');
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

/** `[setting JSON or nil/'', draws or nil]` as the chaos hash holds them. */
function chaosStateOf([setting, draws]: unknown[]): StoredChaosState {
  return {
    setting: typeof setting === 'string' && setting !== '' ? (JSON.parse(setting) as StoredChaos) : null,
    draws: Number(draws ?? 0),
  };
}
