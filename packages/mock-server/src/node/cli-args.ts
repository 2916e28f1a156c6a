// Reading the `videotask-mock` command line: flags and MOCK_* environment variables (flags win) into the
// server's options, with a usage error naming the flag or variable for a value that cannot be used.
import { parseArgs } from 'node:util';
import { MAX_CREDITS } from '../domain/prices.js';
import type { MockServerOptions } from '../index.js';
import { resolveChaos, resolveModels } from '../options.js';
import { parseRecordReplay, type RecordReplayConfig } from '../record-replay-cli.js';
import { FLAGS, type Kind } from './cli-flags.js';
import type { ServeOptions } from './index.js';
import { prefixProblem } from './redis/keys.js';
import { storeProblem } from './store.js';

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

export function usage(): string {
  const rows = [
    ...FLAGS.map((f) => [`--${f.flag}${f.value ? ` ${f.value}` : ''}`, `${f.help} [${f.env}]`]),
    ['--help', 'show this help'],
    ['--version', 'print the version'],
  ];
  const width = Math.max(...rows.map(([left]) => (left as string).length)) + 2;
  const lines = rows.map(([left, right]) => `  ${(left as string).padEnd(width)}${right}`);
  const mcp =
    'With `mcp` first it also speaks MCP on stdio (the admin API as tools) for a local agent;\nits own lines then go to stderr.';
  return `Usage: videotask-mock [mcp] [options]\n\nAn offline mock of the sora-2 video task API.\n${mcp}\n\n${lines.join('\n')}\n`;
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
function serverFlags({ get, num, str, bool }: Readers): ServeOptions & MockServerOptions {
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
  if (storePrefix) {
    const problem = prefixProblem(storePrefix);
    if (problem) throw new UsageError(`${get('store-prefix')?.name} ${problem}`);
    serve.storePrefix = storePrefix;
  }
  if (bool('metrics')) serve.metrics = true;
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
  const chaos = str('chaos');
  if (chaos !== undefined && chaos !== '') {
    try {
      o.chaos = resolveChaos(chaos);
    } catch (error) {
      throw new UsageError(`${get('chaos')?.name}: ${(error as Error).message}`);
    }
  }
  if (bool('no-admin')) o.admin = false;
  const adminToken = str('admin-token');
  if (adminToken) o.adminToken = adminToken;
  return o;
}
