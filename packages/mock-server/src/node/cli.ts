// The `videotask-mock` command: flags and MOCK_* environment variables → a listening mock server.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { MAX_CREDITS } from '../domain/prices.js';
import type { MockServerOptions } from '../index.js';
import { resolveModels } from '../options.js';
import {
  parseRecordReplay,
  RECORD_REPLAY_FLAGS,
  type RecordReplayConfig,
  setupRecordReplay,
} from '../record-replay-cli.js';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  type RunningMockServer,
  type ServeOptions,
  serveMockServer,
} from './index.js';
import { DEFAULT_STORE_PREFIX, storeProblem } from './store.js';

type Kind = 'string' | 'boolean';

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
    help: 'manual: time moves only through POST /__mock/clock/advance (default real)',
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
    value: 'memory|redis://HOST:PORT[/DB]',
    help: 'where the state lives; replicas on one Redis share it (default memory)',
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
    flag: 'quiet',
    env: 'MOCK_QUIET',
    kind: 'boolean',
    help: 'no log line per request and callback (the start lines are still printed)',
  },
  ...RECORD_REPLAY_FLAGS,
];

export class UsageError extends Error {}

export interface CliConfig {
  serve: ServeOptions;
  quiet: boolean;
  /** Demo tasks to seed once listening. */
  seedTasks: number | undefined;
  /** --proxy/--record or --replay (record-replay-cli.ts). */
  recordReplay?: RecordReplayConfig;
  help: boolean;
  version: boolean;
}

function usage(): string {
  const rows = [
    ...FLAGS.map((f) => [`--${f.flag}${f.value ? ` ${f.value}` : ''}`, `${f.help} [${f.env}]`]),
    ['--help', 'show this help'],
    ['--version', 'print the version'],
  ];
  const width = Math.max(...rows.map(([left]) => (left as string).length)) + 2;
  const lines = rows.map(([left, right]) => `  ${(left as string).padEnd(width)}${right}`);
  return `Usage: videotask-mock [options]\n\nAn offline mock of the sora-2 video task API.\n\n${lines.join('\n')}\n`;
}

function parseBoolean(name: string, text: string): boolean {
  const value = text.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(value)) return false;
  throw new UsageError(`${name} must be true or false, got "${text}"`);
}

function parseNumber(name: string, text: string, check: (n: number) => boolean, what: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !check(n))
    throw new UsageError(`${name} must be ${what}, got "${text}"`);
  return n;
}

type RawValues = Map<string, { text: string; name: string; kind: Kind }>;

/** Typed readers over the flag (or environment) values given. */
function readers(raw: RawValues) {
  const get = (flag: string) => raw.get(flag);
  return {
    get,
    num: (flag: string, check: (n: number) => boolean, what: string) => {
      const v = get(flag);
      return v ? parseNumber(v.name, v.text, check, what) : undefined;
    },
    bool: (flag: string) => {
      const v = get(flag);
      if (!v) return undefined;
      return v.kind === 'boolean' && v.name.startsWith('--') ? true : parseBoolean(v.name, v.text);
    },
    str: (flag: string) => get(flag)?.text,
  };
}
type Readers = ReturnType<typeof readers>;

/** Flags win over environment variables; unknown flags are an error. */
export function parseCliArgs(argv: string[], env: Record<string, string | undefined> = {}): CliConfig {
  const options: Record<string, { type: Kind }> = { help: { type: 'boolean' }, version: { type: 'boolean' } };
  for (const f of FLAGS) options[f.flag] = { type: f.kind };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const raw: RawValues = new Map();
  for (const f of FLAGS) {
    const flagValue = values[f.flag];
    if (flagValue !== undefined)
      raw.set(f.flag, { text: String(flagValue), name: `--${f.flag}`, kind: f.kind });
    else if (env[f.env] !== undefined)
      raw.set(f.flag, { text: env[f.env] as string, name: f.env, kind: f.kind });
  }
  const read = readers(raw);
  const serve: ServeOptions & MockServerOptions = { ...serverFlags(read), ...mockFlags(read) };
  const recordReplay = parseRecordReplay(read, (message) => new UsageError(message));
  return {
    serve,
    ...(recordReplay ? { recordReplay } : {}),
    quiet: read.bool('quiet') ?? false,
    seedTasks: read.num(
      'seed-tasks',
      (n) => Number.isInteger(n) && n >= 1 && n <= 1000,
      'an integer from 1 to 1000',
    ),
    help: Boolean(values.help),
    version: Boolean(values.version),
  };
}

/** Where it listens, the public URL, and where the state lives. */
function serverFlags({ get, num, str }: Readers): ServeOptions & MockServerOptions {
  const serve: ServeOptions & MockServerOptions = {};
  const port = num('port', (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'a port from 0 to 65535');
  if (port !== undefined) serve.port = port;
  const host = str('host');
  if (host) serve.host = host;
  const publicUrl = str('public-url');
  if (publicUrl) {
    try {
      new URL(publicUrl);
    } catch {
      throw new UsageError(`${get('public-url')?.name} must be a URL, got "${publicUrl}"`);
    }
    serve.publicUrl = publicUrl;
  }
  const store = str('store');
  if (store) {
    const problem = storeProblem(store);
    if (problem) throw new UsageError(`${get('store')?.name} ${problem}`);
    serve.storeUrl = store;
  }
  const storePrefix = str('store-prefix');
  if (storePrefix) serve.storePrefix = storePrefix;
  return serve;
}

/** How the mock behaves: clock, keys, callbacks, credits, limits, admin. */
function mockFlags({ get, num, bool, str }: Readers): MockServerOptions {
  const o: MockServerOptions = {};
  const seed = str('seed');
  if (seed !== undefined && seed !== '') o.seed = seed;
  const clock = str('clock');
  if (clock !== undefined) {
    if (clock !== 'real' && clock !== 'manual')
      throw new UsageError(`${get('clock')?.name} must be real or manual, got "${clock}"`);
    o.clock = clock;
  }
  const commaList = (flag: string) =>
    str(flag)
      ?.split(',')
      .map((k) => k.trim())
      .filter(Boolean);
  const list = commaList('api-keys');
  if (list?.length) o.apiKeys = list;
  const models = commaList('models');
  if (models?.length) o.models = models;
  const retired = commaList('retired');
  if (retired?.length) o.retired = retired;
  try {
    resolveModels(o.models, o.retired);
  } catch (error) {
    throw new UsageError(`${get('models')?.name} / ${get('retired')?.name}: ${(error as Error).message}`);
  }
  const secret = str('webhook-secret');
  if (secret) o.webhookSecret = secret;
  const allowLocal = bool('allow-local-callbacks');
  if (allowLocal !== undefined) o.allowLocalCallbacks = allowLocal;
  const unsigned = bool('unsigned-callbacks');
  if (unsigned !== undefined) o.unsignedCallbacks = unsigned;
  const numbers = {
    speed: num('speed', (n) => n > 0, 'a number > 0'),
    credits: num('credits', (n) => n >= 0 && n <= MAX_CREDITS, `a number from 0 to ${MAX_CREDITS}`),
    rateLimit: num('rate-limit', (n) => n > 0, 'a number > 0'),
    failureRate: num('failure-rate', (n) => n >= 0 && n <= 1, 'a number from 0 to 1'),
    maxTasks: num('max-tasks', (n) => Number.isInteger(n) && n >= 1, 'an integer >= 1'),
  };
  for (const [name, value] of Object.entries(numbers)) {
    if (value !== undefined) (o as Record<string, unknown>)[name] = value;
  }
  if (bool('no-admin')) o.admin = false;
  const adminToken = str('admin-token');
  if (adminToken) o.adminToken = adminToken;
  return o;
}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** The start lines: where it listens (first, for scripts to parse), the webhook secret, the mode. */
export function startLines(running: RunningMockServer): string[] {
  const o = running.mock.options;
  const lines = [
    `Listening on ${running.url}`,
    `Webhook secret: ${o.webhookSecret}`,
    `Mode: clock ${o.clock}${o.clock === 'manual' ? ' (advance with POST /__mock/clock/advance)' : ''}, speed ${o.speed}, seed ${o.seed}, failure rate ${o.failureRate}, ${o.credits} credits per key, ${o.apiKeys ? `${o.apiKeys.size} API key(s)` : 'any bearer token'}, rate limit ${o.rateLimit ? `${o.rateLimit}/s per key` : 'off'}, admin API ${o.admin ? (o.adminToken ? 'on /__mock/ (token required)' : 'on /__mock/') : 'off'}`,
    `Store: ${o.store?.description ?? 'memory'}`,
  ];
  if (o.allowLocalCallbacks) {
    lines.push(
      'Local callbacks allowed: http:// and loopback/private callback hosts are accepted (development only)',
    );
  }
  if (o.unsignedCallbacks) {
    lines.push(
      'Unsigned callbacks: no webhook-timestamp / webhook-signature headers, as the live API sends them',
    );
  }
  lines.push(`Results: ${o.publicUrl}/files/<task_id>.mp4 · API reference: ${running.url}/docs`);
  return lines;
}

function version(): string {
  // By the package's own name: the same from src/node/ (tests) and dist/ (the bin).
  const pkg = createRequire(import.meta.url)('@videotask/mock-server/package.json') as { version: string };
  return pkg.version;
}

/**
 * Runs the command: parses, listens, prints the start lines, and shuts down cleanly (exit 0) on
 * SIGINT or SIGTERM. Resolves with the running server (undefined for --help/--version or an error).
 */
export async function main(
  argv: string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
  io: CliIo = defaultIo,
  handleSignals = true,
): Promise<RunningMockServer | undefined> {
  let config: CliConfig;
  try {
    config = parseCliArgs(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`videotask-mock: ${error.message}\n\n${usage()}`);
    process.exitCode = 2;
    return undefined;
  }
  if (config.help) {
    io.out(usage());
    return undefined;
  }
  if (config.version) {
    io.out(version());
    return undefined;
  }
  // Log lines wait until the start lines are out, so `Listening on` is always the first line.
  let held: string[] | undefined = [];
  const logger = (line: string) => (held ? held.push(line) : io.out(line));
  let running: RunningMockServer;
  let recordReplayLines: string[] = [];
  try {
    const recordReplay = config.recordReplay
      ? await setupRecordReplay(config.recordReplay, config.quiet ? undefined : logger)
      : undefined;
    recordReplayLines = recordReplay?.lines ?? [];
    running = await serveMockServer({
      ...config.serve,
      logger: config.quiet ? undefined : logger,
      ...(recordReplay ? { wrapApp: recordReplay.wrap } : {}),
    });
  } catch (error) {
    io.err(`videotask-mock: ${(error as Error).message}`);
    process.exitCode = 1;
    return undefined;
  }
  for (const line of [...startLines(running), ...recordReplayLines]) io.out(line);
  if (config.seedTasks && !(await seedAtStart(running, config.seedTasks, io))) return undefined;
  for (const line of held) io.out(line);
  held = undefined;
  if (handleSignals) {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      io.err(`videotask-mock: ${signal}, shutting down`);
      running.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  }
  return running;
}

/** --seed-tasks: demo tasks once listening; false (and the server closed, exit 1) when they cannot be made. */
async function seedAtStart(running: RunningMockServer, count: number, io: CliIo): Promise<boolean> {
  try {
    const seeded = await running.mock.seed({ count });
    io.out(`Seeded ${seeded.length} demo tasks for API key ${seeded[0]?.apiKey}`);
    return true;
  } catch (error) {
    io.err(`videotask-mock: --seed-tasks: ${(error as Error).message}`);
    await running.close();
    process.exitCode = 1;
    return false;
  }
}
