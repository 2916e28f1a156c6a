// The Redis connection over a fake node-redis client (no Redis): the options it connects with, outages as
// StoreUnavailableError, script errors left as they are, scripts by SHA with one EVAL after NOSCRIPT.
import { createHash } from 'node:crypto';
import { ErrorReply } from '@redis/client';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { StoreUnavailableError } from '../../store/store.js';
import { clusterRootUrls, RedisConnection } from './connection.js';

const fakes = vi.hoisted(() => {
  type Answer = (args: string[]) => Promise<unknown>;
  /** A stand-in for a node-redis client or cluster: records what it is given and asked. */
  class FakeClient {
    isOpen = false;
    readonly listeners = new Map<string, (() => void)[]>();
    /** Each command's arguments (a cluster's with its first key and read-only flag in front). */
    readonly sent: unknown[][] = [];
    answer: Answer = async () => 'OK';
    scanned: unknown[] = [];
    batches: (() => Promise<string[]>)[] = [];
    closed = 0;
    destroyed = 0;
    closeFails = false;
    constructor(
      readonly kind: 'single' | 'cluster',
      readonly options: Record<string, unknown>,
    ) {}
    on(event: string, listener: () => void) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    /** Like an EventEmitter: an 'error' nobody listens to is thrown. */
    emit(event: string, error?: Error) {
      const listeners = this.listeners.get(event) ?? [];
      if (event === 'error' && !listeners.length) throw error;
      for (const listener of listeners) listener();
    }
    async connect() {
      this.isOpen = true;
      return this;
    }
    sendCommand(...call: unknown[]) {
      this.sent.push(call);
      return this.answer(call.at(-1) as string[]);
    }
    async *scanIterator(options: unknown) {
      this.scanned.push(options);
      for (const batch of this.batches) yield await batch();
    }
    async close() {
      this.closed++;
      if (this.closeFails) throw new Error('The client is closed');
      this.isOpen = false;
    }
    destroy() {
      this.destroyed++;
      this.isOpen = false;
    }
  }
  return { FakeClient, made: [] as FakeClient[] };
});

vi.mock('@redis/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@redis/client')>();
  const make = (kind: 'single' | 'cluster') => (options: Record<string, unknown>) => {
    const client = new fakes.FakeClient(kind, options);
    fakes.made.push(client);
    return client;
  };
  return { ...actual, createClient: make('single'), createCluster: make('cluster') };
});

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, createHash: vi.fn(actual.createHash) };
});

type Fake = InstanceType<typeof fakes.FakeClient>;

beforeEach(() => {
  fakes.made.length = 0;
  vi.mocked(createHash).mockClear();
});

/** A connection and the fake client under it. */
function open(url = 'redis://127.0.0.1:6379', timeoutMs?: number): [RedisConnection, Fake] {
  const connection = new RedisConnection(url, timeoutMs);
  return [connection, fakes.made.at(-1) as Fake];
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe('clusterRootUrls', () => {
  test('every host of the URL becomes a redis:// URL, each with the credentials', () => {
    expect(clusterRootUrls('redis-cluster://10.0.0.1:7000,10.0.0.2:7001')).toEqual([
      'redis://10.0.0.1:7000',
      'redis://10.0.0.2:7001',
    ]);
    expect(clusterRootUrls('redis-cluster://admin:s3cret@h1:7000,h2:7001/')).toEqual([
      'redis://admin:s3cret@h1:7000',
      'redis://admin:s3cret@h2:7001',
    ]);
  });

  test.each([
    'redis://h1:7000',
    'xredis-cluster://h1:7000',
    'redis-cluster://',
    'redis-cluster://h1:7000/0',
    'redis-cluster://h1:7000?db=1',
  ])('%s is refused, named in the error', (url) => {
    expect(() => clusterRootUrls(url)).toThrow(
      new Error(`not a redis-cluster://HOST:PORT[,HOST:PORT…] URL: "${url}"`),
    );
  });
});

describe('connecting', () => {
  test('one Redis: no offline queue, a command timeout (2 s unless given), a 2 s connect timeout', () => {
    const [, client] = open();
    expect(client.kind).toBe('single');
    expect(client.options).toMatchObject({
      url: 'redis://127.0.0.1:6379',
      disableOfflineQueue: true,
      commandOptions: { timeout: 2000, rejectInFlight: true },
      socket: { connectTimeout: 2000 },
    });
    expect(open('redis://h:1', 50)[1].options).toMatchObject({ commandOptions: { timeout: 50 } });
  });

  test('a cluster: every root node and every node found later get the same options; topology re-read after 200 ms', () => {
    const [, client] = open('redis-cluster://u:p@h1:1,h2:2', 75);
    expect(client.kind).toBe('cluster');
    const node = {
      disableOfflineQueue: true,
      commandOptions: { timeout: 75, rejectInFlight: true },
      socket: { connectTimeout: 2000 },
    };
    expect(client.options).toMatchObject({
      rootNodes: [
        { url: 'redis://u:p@h1:1', ...node },
        { url: 'redis://u:p@h2:2', ...node },
      ],
      defaults: node,
      commandOptions: { timeout: 75, rejectInFlight: true },
      topologyRefreshOnReconnectionAttemptStrategy: 200,
    });
  });

  test.each(['redis://h:1', 'redis-cluster://h:1'])(
    '%s: a Redis not reachable at start is an error; once connected, reconnect for ever, backing off to 1 s',
    async (url) => {
      const [connection, client] = open(url);
      const options = client.kind === 'single' ? client.options : client.options.defaults;
      const { reconnectStrategy } = (
        options as { socket: { reconnectStrategy: (retries: number, cause: Error) => unknown } }
      ).socket;
      const cause = new Error('connect ECONNREFUSED');
      expect(reconnectStrategy(3, cause)).toBe(cause);
      await connection.connect();
      expect(client.isOpen).toBe(true);
      expect([0, 1, 2, 3, 4, 10].map((retries) => reconnectStrategy(retries, cause))).toEqual([
        100, 200, 400, 800, 1000, 1000,
      ]);
    },
  );

  test.each(['redis://h:1', 'redis-cluster://h:1'])(
    '%s: a dropped connection reported as an error event does not crash the process',
    (url) => {
      const [, client] = open(url);
      expect(() => client.emit('error', new Error('Socket closed unexpectedly'))).not.toThrow();
    },
  );
});

describe('sending', () => {
  test('one Redis gets the command as it is', async () => {
    const [connection, client] = open();
    client.answer = async (args) => `got ${args.join(' ')}`;
    expect(await connection.send('k', ['GET', 'k'])).toBe('got GET k');
    expect(client.sent).toEqual([[['GET', 'k']]]);
  });

  test("a cluster routes it by its first key, to the key's master", async () => {
    const [connection, client] = open('redis-cluster://h:1');
    expect(await connection.send('k1', ['HGET', 'k1', 'f'])).toBe('OK');
    expect(client.sent).toEqual([['k1', false, ['HGET', 'k1', 'f']]]);
  });

  test.each([
    'CLUSTERDOWN The cluster is down',
    'TRYAGAIN Multiple keys request during rehashing of slot',
    'MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to no',
    'LOADING Redis is loading the dataset in memory',
    "READONLY You can't write against a read only replica.",
    'BUSY Redis is busy running a script',
  ])('a "%s" reply (failover, loading) is the store being unavailable', async (reply) => {
    const [connection, client] = open();
    client.answer = async () => {
      throw new ErrorReply(reply);
    };
    const refused = connection.send('k', ['GET', 'k']);
    await expect(refused).rejects.toThrow(new StoreUnavailableError(`Redis is unavailable (${reply})`));
    await expect(refused).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  test.each([
    'ERR user_script:3: Script attempted to access a non local key in a cluster node script',
    'ERR Error running script: READONLY inside the message',
    'BUSYKEY Target key name already exists.',
    'WRONGTYPE Operation against a key holding the wrong kind of value',
  ])('any other error reply ("%s") is a bug: it stays what it is', async (reply) => {
    const [connection, client] = open();
    const error = new ErrorReply(reply);
    client.answer = async () => {
      throw error;
    };
    await expect(connection.send('k', ['GET', 'k'])).rejects.toBe(error);
  });

  test('a failure that is no reply (a socket, a timeout) is the store being unavailable, with its reason', async () => {
    const [connection, client] = open();
    const failures: [unknown, string][] = [
      [new Error('Socket closed unexpectedly'), 'Socket closed unexpectedly'],
      [
        new AggregateError([new Error('connect ECONNREFUSED 127.0.0.1:1')], 'all addresses failed'),
        'connect ECONNREFUSED 127.0.0.1:1',
      ],
      [new AggregateError([], 'no address'), 'no address'],
      ['down', 'down'],
    ];
    for (const [failure, reason] of failures) {
      client.answer = async () => {
        throw failure;
      };
      await expect(connection.send('k', ['GET', 'k'])).rejects.toThrow(
        new StoreUnavailableError(`Redis is unavailable (${reason})`),
      );
    }
    expect(RedisConnection.reason(new Error('getaddrinfo ENOTFOUND redis'))).toBe(
      'getaddrinfo ENOTFOUND redis',
    );
  });

  test('a StoreUnavailableError passes through as it is', async () => {
    const [connection, client] = open();
    const error = new StoreUnavailableError('Redis is unavailable (already said)');
    client.answer = async () => {
      throw error;
    };
    await expect(connection.send('k', ['GET', 'k'])).rejects.toBe(error);
  });
});

describe('scripts', () => {
  const SCRIPT = "return redis.call('GET', KEYS[1])";
  const noScript = () => new ErrorReply('NOSCRIPT No matching script. Please use EVAL.');

  test("a script runs by its SHA, on its first key's node, its arguments as strings; the SHA is computed once", async () => {
    const [connection, client] = open('redis-cluster://h:1');
    client.answer = async () => 7;
    expect(await connection.run(SCRIPT, ['k1', 'k2'], ['a', 7])).toBe(7);
    await connection.run(SCRIPT, ['k3'], []);
    expect(createHash).toHaveBeenCalledTimes(1);
    expect(client.sent).toEqual([
      ['k1', false, ['EVALSHA', sha1(SCRIPT), '2', 'k1', 'k2', 'a', '7']],
      ['k3', false, ['EVALSHA', sha1(SCRIPT), '1', 'k3']],
    ]);
  });

  test('a server that does not know the script (NOSCRIPT) gets it once by EVAL; the next call is by SHA again', async () => {
    const [connection, client] = open();
    let known = false;
    client.answer = async ([command]) => {
      if (command === 'EVAL') known = true;
      else if (!known) throw noScript();
      return command;
    };
    expect(await connection.run(SCRIPT, ['k'], [1])).toBe('EVAL');
    expect(await connection.run(SCRIPT, ['k'], [2])).toBe('EVALSHA');
    expect(client.sent.map((call) => (call.at(-1) as string[]).slice(0, 2))).toEqual([
      ['EVALSHA', sha1(SCRIPT)],
      ['EVAL', SCRIPT],
      ['EVALSHA', sha1(SCRIPT)],
    ]);
    expect(client.sent[1]).toEqual([['EVAL', SCRIPT, '1', 'k', '1']]);
  });

  test("a script's error is no reason to send it again: it stays what it is", async () => {
    const [connection, client] = open();
    const error = new ErrorReply('ERR user_script:1: attempt to compare nil with number');
    client.answer = async () => {
      throw error;
    };
    await expect(connection.run(SCRIPT, ['k'], [])).rejects.toBe(error);
    expect(client.sent).toHaveLength(1);
  });

  test('an outage on EVALSHA, or on the EVAL after NOSCRIPT, is the store being unavailable', async () => {
    const [connection, client] = open();
    client.answer = async () => {
      throw new ErrorReply('CLUSTERDOWN The cluster is down');
    };
    await expect(connection.run(SCRIPT, ['k'], [])).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(client.sent).toHaveLength(1);
    client.answer = async ([command]) => {
      throw command === 'EVAL' ? new ErrorReply('LOADING Redis is loading') : noScript();
    };
    await expect(connection.run(SCRIPT, ['k'], [])).rejects.toThrow(
      new StoreUnavailableError('Redis is unavailable (LOADING Redis is loading)'),
    );
  });
});

describe('scanning', () => {
  test.each(['redis://h:1', 'redis-cluster://h:1'])(
    '%s: every batch of every key matching the pattern',
    async (url) => {
      const [connection, client] = open(url);
      client.batches = [async () => ['a', 'b'], async () => [], async () => ['c']];
      expect(await connection.scan('p:*')).toEqual(['a', 'b', 'c']);
      expect(client.scanned).toEqual([{ MATCH: 'p:*', COUNT: 1000 }]);
    },
  );

  test('a scan that breaks off is the store being unavailable', async () => {
    const [connection, client] = open();
    client.batches = [
      async () => ['a'],
      async () => {
        throw new Error('Socket closed unexpectedly');
      },
    ];
    await expect(connection.scan('p:*')).rejects.toThrow(
      new StoreUnavailableError('Redis is unavailable (Socket closed unexpectedly)'),
    );
  });
});

describe('closing', () => {
  test('an open client is closed; one that is not open is left alone', async () => {
    const [connection, client] = open();
    await connection.connect();
    await connection.close();
    expect([client.closed, client.destroyed, client.isOpen]).toEqual([1, 0, false]);
    const [idle, never] = open();
    await idle.close();
    expect([never.closed, never.destroyed]).toEqual([0, 0]);
  });

  test('a cluster is closed in any state; a close that fails destroys the client', async () => {
    const [connection, client] = open('redis-cluster://h:1');
    client.closeFails = true;
    await connection.close();
    expect([client.closed, client.destroyed]).toEqual([1, 1]);
  });

  test('destroy drops the client at once', async () => {
    const [connection, client] = open();
    await connection.connect();
    await connection.destroy();
    expect([client.destroyed, client.isOpen]).toEqual([1, false]);
  });
});
