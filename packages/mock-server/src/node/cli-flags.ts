// The `videotask-mock` command's flags: each one's environment variable, value and meaning (the README's
// table says the same; test/cli.test.ts checks it).
import { CHAOS_PROFILES } from '../domain/chaos.js';
import { RECORD_REPLAY_FLAGS } from '../record-replay-cli.js';
import { DEFAULT_HOST, DEFAULT_PORT } from './index.js';
import { DEFAULT_STORE_PREFIX } from './store.js';

export type Kind = 'string' | 'boolean';

/** Every flag, its environment variable, and what it means (the README's table says the same). */
export const FLAGS: { flag: string; env: string; kind: Kind; value?: string; help: string }[] = [
  {
    flag: 'port',
    env: 'MOCK_PORT',
    kind: 'string',
    value: 'N',
    help: `port to listen on; 0 picks a free one (default ${DEFAULT_PORT})`,
  },
  {
    flag: 'host',
    env: 'MOCK_HOST',
    kind: 'string',
    value: 'HOST',
    help: `interface to listen on (default ${DEFAULT_HOST})`,
  },
  {
    flag: 'seed',
    env: 'MOCK_SEED',
    kind: 'string',
    value: 'S',
    help: 'seed for ids, random failures and progress jitter (default random)',
  },
  {
    flag: 'speed',
    env: 'MOCK_SPEED',
    kind: 'string',
    value: 'N',
    help: 'divide every lifecycle timing by N (default 1)',
  },
  {
    flag: 'clock',
    env: 'MOCK_CLOCK',
    kind: 'string',
    value: 'real|manual',
    help: 'manual: time moves only when told (POST /__mock/clock/advance, /set; default real)',
  },
  {
    flag: 'api-keys',
    env: 'MOCK_API_KEYS',
    kind: 'string',
    value: 'K1,K2',
    help: 'accepted API keys, comma-separated (default: any non-empty bearer token)',
  },
  {
    flag: 'webhook-secret',
    env: 'MOCK_WEBHOOK_SECRET',
    kind: 'string',
    value: 'whsec_…',
    help: 'secret that signs callbacks (default generated at start)',
  },
  {
    flag: 'allow-local-callbacks',
    env: 'MOCK_ALLOW_LOCAL_CALLBACKS',
    kind: 'boolean',
    help: 'accept http:// and loopback/private callback hosts (local development)',
  },
  {
    flag: 'unsigned-callbacks',
    env: 'MOCK_UNSIGNED_CALLBACKS',
    kind: 'boolean',
    help: 'send callbacks without webhook-timestamp/webhook-signature, as the live API does',
  },
  {
    flag: 'public-url',
    env: 'MOCK_PUBLIC_URL',
    kind: 'string',
    value: 'URL',
    help: 'base of result URLs (default the listening address)',
  },
  {
    flag: 'credits',
    env: 'MOCK_CREDITS',
    kind: 'string',
    value: 'N',
    help: 'starting credits per API key (default 100)',
  },
  {
    flag: 'models',
    env: 'MOCK_MODELS',
    kind: 'string',
    value: 'IDS',
    help: 'serve only these models, comma-separated (default every model of the spec)',
  },
  {
    flag: 'retired',
    env: 'MOCK_RETIRED',
    kind: 'string',
    value: 'IDS',
    help: 'served models that start retired: creates answer 403 model_access_denied',
  },
  {
    flag: 'rate-limit',
    env: 'MOCK_RATE_LIMIT',
    kind: 'string',
    value: 'N',
    help: 'requests per second per API key, then 429 (default off)',
  },
  {
    flag: 'failure-rate',
    env: 'MOCK_FAILURE_RATE',
    kind: 'string',
    value: '0..1',
    help: 'share of tasks that fail at random, seeded (default 0)',
  },
  {
    flag: 'chaos',
    env: 'MOCK_CHAOS',
    kind: 'string',
    value: 'PROFILE',
    help: `a chaos profile in force from the start, seeded by --seed: ${CHAOS_PROFILES.join(', ')}`,
  },
  {
    flag: 'max-tasks',
    env: 'MOCK_MAX_TASKS',
    kind: 'string',
    value: 'N',
    help: 'most tasks kept; the oldest are evicted (default 100000)',
  },
  {
    flag: 'store',
    env: 'MOCK_STORE',
    kind: 'string',
    value: 'memory|redis://HOST:PORT[/DB]|redis-cluster://HOST:PORT[,HOST:PORT…]',
    help: 'where the state lives; replicas on one Redis or Redis Cluster share it (default memory)',
  },
  {
    flag: 'store-prefix',
    env: 'MOCK_STORE_PREFIX',
    kind: 'string',
    value: 'P',
    help: `prefix of every Redis key, so several mocks can share one Redis (default ${DEFAULT_STORE_PREFIX})`,
  },
  { flag: 'no-admin', env: 'MOCK_NO_ADMIN', kind: 'boolean', help: 'serve no admin API under /__mock/' },
  {
    flag: 'admin-token',
    env: 'MOCK_ADMIN_TOKEN',
    kind: 'string',
    value: 'T',
    help: 'require this token (Bearer or x-admin-token) on /__mock/*',
  },
  {
    flag: 'seed-tasks',
    env: 'MOCK_SEED_TASKS',
    kind: 'string',
    value: 'N',
    help: 'start with N realistic demo tasks across statuses and times (1 to 1000)',
  },
  {
    flag: 'metrics',
    env: 'MOCK_METRICS',
    kind: 'boolean',
    help: 'serve GET /metrics (Prometheus text format) on the same port',
  },
  {
    flag: 'quiet',
    env: 'MOCK_QUIET',
    kind: 'boolean',
    help: 'no log line per request and callback (the start lines are still printed)',
  },
  ...RECORD_REPLAY_FLAGS,
];
