// The Redis store's behaviour suites on Valkey (one server and a three-master cluster), when valkey-server
// is installed (VALKEY_SERVER or the PATH); CI's Valkey leg installs Valkey 8 and requires it.
import { afterAll, beforeAll, describe } from 'vitest';
import {
  type RedisTarget,
  startCluster,
  startSingle,
  VALKEY_SERVER,
  valkeyTitle,
} from '../../../test/redis-targets.js';
import { describeStoreRules } from '../../../test/store-rules-suite.js';
import { describeStore, SUITE_SETTINGS } from '../../../test/store-suite.js';
import { RedisStore } from './store.js';

let single: RedisTarget;
let cluster: RedisTarget;
let n = 0;
beforeAll(async () => {
  if (!VALKEY_SERVER) return;
  [single, cluster] = await Promise.all([startSingle(VALKEY_SERVER), startCluster(VALKEY_SERVER)]);
}, 60_000);
afterAll(async () => {
  await Promise.all([single?.stop(), cluster?.stop()]);
});

describe.skipIf(!VALKEY_SERVER)(valkeyTitle('the Redis store'), () => {
  for (const [name, target] of [
    ['valkey', () => single],
    ['valkey cluster', () => cluster],
  ] as const) {
    describeStore(name, () =>
      RedisStore.connect({ url: target().url, prefix: `suite${n++}:`, ...SUITE_SETTINGS }),
    );
    describeStoreRules(name, () =>
      RedisStore.connect({ url: target().url, prefix: `rules${n++}:`, ...SUITE_SETTINGS }),
    );
  }
});
