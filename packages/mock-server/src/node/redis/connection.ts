// One Redis connection for the store, to a single server (`redis://`) or a Redis Cluster (`redis-cluster://`):
// commands routed by their first key, scripts by SHA (reloaded once after NOSCRIPT), outages as StoreUnavailableError.
import { createHash } from 'node:crypto';
import {
  createClient,
  createCluster,
  ErrorReply,
  type RedisClientType,
  type RedisClusterType,
} from '@redis/client';
import { StoreUnavailableError } from '../../store/store.js';

export type Reply = string | number | null | Reply[];

/** A command not answered within this is refused: a Redis down never hangs a request. */
const DEFAULT_TIMEOUT_MS = 2000;

/** The hosts of a `redis-cluster://[user:password@]HOST:PORT[,HOST:PORT…]` URL, each as a `redis://` URL. */
export function clusterRootUrls(url: string): string[] {
  const match = /^redis-cluster:\/\/(?:([^@/]*)@)?([^/?#]+)\/?$/.exec(url);
  if (!match?.[2]) throw new Error(`not a redis-cluster://HOST:PORT[,HOST:PORT…] URL: "${url}"`);
  const auth = match[1] ? `${match[1]}@` : '';
  return match[2].split(',').map((host) => `redis://${auth}${host}`);
}

/** Replies that mean "not now" (a cluster failing over, a replica loading): an outage, not a bug. */
const TRANSIENT_REPLY = /^(CLUSTERDOWN|TRYAGAIN|MASTERDOWN|LOADING|READONLY|BUSY)\b/;

function reason(error: unknown): string {
  const e = error as { message?: string; errors?: { message?: string }[] };
  return e.errors?.[0]?.message ?? e.message ?? String(error);
}

/** A script error (a bug) stays what it is; every other failure is the store being unavailable. */
function unavailable(error: unknown): Error {
  if (error instanceof StoreUnavailableError) return error;
  if (error instanceof ErrorReply && !TRANSIENT_REPLY.test(error.message)) return error;
  return new StoreUnavailableError(`Redis is unavailable (${reason(error)})`);
}

export class RedisConnection {
  private readonly shas = new Map<string, string>();
  private connected = false;
  private readonly single?: RedisClientType;
  private readonly cluster?: RedisClusterType;

  constructor(
    readonly url: string,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {
    const commandOptions = { timeout: timeoutMs, rejectInFlight: true };
    const socket = {
      connectTimeout: 2000,
      // At start a Redis that cannot be reached is an error; once connected, reconnect for ever.
      reconnectStrategy: (retries: number, cause: Error) =>
        this.connected ? Math.min(100 * 2 ** retries, 1000) : cause,
    };
    // Fail fast while disconnected instead of queueing: the API answers 503 at once.
    const client = { disableOfflineQueue: true, commandOptions, socket };
    if (url.startsWith('redis-cluster:')) {
      this.cluster = createCluster({
        rootNodes: clusterRootUrls(url).map((root) => ({ url: root, ...client })),
        defaults: client,
        commandOptions,
        // A master that stopped answering: look for its promoted replica soon, not after 5 s.
        topologyRefreshOnReconnectionAttemptStrategy: 200,
      }) as unknown as RedisClusterType;
      this.cluster.on('error', () => {});
    } else {
      this.single = createClient({ url, ...client }) as RedisClientType;
      // Errors surface on the commands; a listener keeps a dropped connection from crashing the process.
      this.single.on('error', () => {});
    }
  }

  /** Resolves once ready; from then on a dropped connection is retried for ever. */
  async connect(): Promise<void> {
    await (this.cluster ?? (this.single as RedisClientType)).connect();
    this.connected = true;
  }

  /** One command, sent to the node that holds `firstKey`. */
  async send(firstKey: string, args: string[]): Promise<Reply> {
    try {
      return await this.raw(firstKey, args);
    } catch (error) {
      throw unavailable(error);
    }
  }

  private raw(firstKey: string, args: string[]): Promise<Reply> {
    if (this.cluster) return this.cluster.sendCommand(firstKey, false, args) as Promise<Reply>;
    return (this.single as RedisClientType).sendCommand(args) as Promise<Reply>;
  }

  /** Runs a script by its SHA; a server that does not know it (restarted, flushed, evicted) gets it once by EVAL. */
  async run(script: string, keys: string[], args: (string | number)[]): Promise<Reply> {
    let sha = this.shas.get(script);
    if (!sha) {
      sha = createHash('sha1').update(script).digest('hex');
      this.shas.set(script, sha);
    }
    const tail = [String(keys.length), ...keys, ...args.map(String)];
    const first = keys[0] as string;
    try {
      try {
        return await this.raw(first, ['EVALSHA', sha, ...tail]);
      } catch (error) {
        if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
        return await this.raw(first, ['EVAL', script, ...tail]);
      }
    } catch (error) {
      throw unavailable(error);
    }
  }

  /** Every key matching `pattern`, on every master. */
  async scan(pattern: string): Promise<string[]> {
    const found: string[] = [];
    try {
      const iterator = this.cluster
        ? this.cluster.scanIterator({ MATCH: pattern, COUNT: 1000 })
        : (this.single as RedisClientType).scanIterator({ MATCH: pattern, COUNT: 1000 });
      for await (const keys of iterator) found.push(...(keys as string[]));
    } catch (error) {
      throw unavailable(error);
    }
    return found;
  }

  /** The reason a first connect failed, in one line. */
  static reason(error: unknown): string {
    return reason(error);
  }

  async close(): Promise<void> {
    const client = this.cluster ?? (this.single as RedisClientType);
    if (this.cluster || (client as RedisClientType).isOpen)
      await client.close().catch(() => client.destroy());
  }

  async destroy(): Promise<void> {
    const client = this.cluster ?? (this.single as RedisClientType);
    await Promise.resolve(client.destroy()).catch(() => {});
  }
}
