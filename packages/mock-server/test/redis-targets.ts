// The Redis servers the shared-store suites run against: one Redis, a three-master Redis Cluster, and the
// same two on Valkey when valkey-server is installed (VALKEY_SERVER or the PATH; CI's Valkey leg requires it).
import {
  type CallbackReceiver,
  findValkeyServer,
  startCallbackReceiver,
  startRedisCluster,
  startRedisServer,
} from '@videotask/testkit';
import { describe } from 'vitest';

export interface RedisTarget {
  /** `redis://…` or `redis-cluster://…` */
  url: string;
  stop(): Promise<void>;
}

export const VALKEY_SERVER = findValkeyServer();

if (!VALKEY_SERVER && process.env.VIDEOTASK_REQUIRE_VALKEY)
  throw new Error(
    'VIDEOTASK_REQUIRE_VALKEY is set but valkey-server is not installed (or VALKEY_SERVER not set)',
  );

// Said on every run without it, so a missing Valkey is never mistaken for a pass.
if (!VALKEY_SERVER)
  console.warn('valkey-server is not installed: the Valkey suites are NOT RUN (set VALKEY_SERVER)');

/** The title of the Valkey suites: says so when they cannot run here. */
export function valkeyTitle(what: string): string {
  return VALKEY_SERVER
    ? `${what} on Valkey (${VALKEY_SERVER})`
    : `${what} on Valkey — NOT RUN: valkey-server is not installed (install it or set VALKEY_SERVER)`;
}

export async function startSingle(server?: string): Promise<RedisTarget> {
  const redis = await startRedisServer({ server });
  return { url: redis.url, stop: () => redis.stop() };
}

export async function startCluster(server?: string): Promise<RedisTarget> {
  const cluster = await startRedisCluster({ server });
  return { url: cluster.url, stop: () => cluster.stop() };
}

/** What the replica suites share: one Redis, a Redis Cluster, a Valkey cluster where installed, a receiver. */
export interface ReplicaTargets {
  single: RedisTarget;
  cluster: RedisTarget;
  valkeyCluster: RedisTarget | undefined;
  receiver: CallbackReceiver;
  stop(): Promise<void>;
}

/** Starts every replica target at once (about 3 s for the clusters). */
export async function startReplicaTargets(): Promise<ReplicaTargets> {
  const [single, cluster, valkeyCluster, receiver] = await Promise.all([
    startSingle(),
    startCluster(),
    VALKEY_SERVER ? startCluster(VALKEY_SERVER) : undefined,
    startCallbackReceiver(),
  ]);
  return {
    single,
    cluster,
    valkeyCluster,
    receiver,
    stop: async () => {
      await Promise.all([single.stop(), cluster.stop(), valkeyCluster?.stop(), receiver.close()]);
    },
  };
}

/** Defines `suite` on one Redis, on a Redis Cluster, and on a Valkey cluster (NOT RUN without Valkey). */
export function describeOnTargets(
  targets: () => ReplicaTargets,
  suite: (title: string, url: () => string) => void,
  titles: { single: string; cluster: string; valkey: string },
): void {
  suite(titles.single, () => targets().single.url);
  suite(titles.cluster, () => targets().cluster.url);
  describe.skipIf(!VALKEY_SERVER)(valkeyTitle(titles.valkey), () => {
    suite('(Valkey)', () => (targets().valkeyCluster as RedisTarget).url);
  });
}
