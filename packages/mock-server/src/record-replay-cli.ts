// The CLI's record and replay flags: --proxy/--record (forward to the real API, write HAR) and --replay.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHarFileSink, readHarSource } from './har.js';
import {
  createRecordingProxy,
  createReplay,
  DEFAULT_PROXY_TIMEOUT_MS,
  type FetchTarget,
  routeApi,
} from './proxy/index.js';

export const RECORD_REPLAY_FLAGS = [
  {
    flag: 'proxy',
    env: 'MOCK_PROXY',
    kind: 'string',
    value: 'URL',
    help: "forward /v1/* to this upstream (e.g. https://api.evolink.ai) with the caller's own headers",
  },
  {
    flag: 'record',
    env: 'MOCK_RECORD',
    kind: 'string',
    value: 'DIR',
    help: 'with --proxy: write every exchange to a HAR file in DIR, secrets redacted',
  },
  {
    flag: 'proxy-timeout',
    env: 'MOCK_PROXY_TIMEOUT',
    kind: 'string',
    value: 'MS',
    help: `with --proxy: longest wait for the upstream, then 502 upstream_error (default ${DEFAULT_PROXY_TIMEOUT_MS})`,
  },
  {
    flag: 'replay',
    env: 'MOCK_REPLAY',
    kind: 'string',
    value: 'DIR|FILE',
    help: 'answer /v1/* from recorded HAR; unrecorded requests go to the simulated mock',
  },
  {
    flag: 'replay-strict',
    env: 'MOCK_REPLAY_STRICT',
    kind: 'boolean',
    help: 'with --replay: answer unrecorded requests 404 instead',
  },
] as const;

export type RecordReplayConfig =
  | { mode: 'proxy'; upstream: string; recordDir?: string; timeoutMs: number }
  | { mode: 'replay'; source: string; strict: boolean };

/** Reads the flags already parsed by the CLI; throws `usage(message)` on a bad combination. */
export function parseRecordReplay(
  read: {
    str: (flag: string) => string | undefined;
    bool: (flag: string) => boolean | undefined;
    num: (flag: string, check: (n: number) => boolean, what: string) => number | undefined;
  },
  usage: (message: string) => Error,
): RecordReplayConfig | undefined {
  const upstream = read.str('proxy') || undefined;
  const recordDir = read.str('record') || undefined;
  const replay = read.str('replay') || undefined;
  const strict = read.bool('replay-strict') ?? false;
  const timeoutMs = read.num('proxy-timeout', (n) => Number.isInteger(n) && n > 0, 'an integer > 0 (ms)');
  if (upstream && replay) throw usage('--proxy and --replay cannot be used together');
  if (recordDir && !upstream) throw usage('--record needs --proxy <upstream base URL>');
  if (timeoutMs !== undefined && !upstream) throw usage('--proxy-timeout needs --proxy');
  if (strict && !replay) throw usage('--replay-strict needs --replay <dir or .har>');
  if (upstream) {
    if (!/^https?:\/\//i.test(upstream) || !URL.canParse(upstream))
      throw usage(`--proxy must be an http(s) base URL, got "${upstream}"`);
    return { mode: 'proxy', upstream, recordDir, timeoutMs: timeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS };
  }
  return replay ? { mode: 'replay', source: replay, strict } : undefined;
}

/** A path as the user typed it: `pnpm start` runs in the package, so relative paths start where pnpm was run. */
function fromInvocationDir(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

function version(): string {
  return (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
}

export interface RecordReplaySetup<Env> {
  /** Puts the proxy or the replay in front of the mock's app. */
  wrap(app: FetchTarget<Env>): FetchTarget<Env> & { close(): Promise<void> };
  /** Start lines saying what answers /v1/*. */
  lines: string[];
}

/** Opens the HAR file to record to, or reads the recording to replay (errors name the file). */
export async function setupRecordReplay<Env>(
  config: RecordReplayConfig,
  logger: ((line: string) => void) | undefined,
): Promise<RecordReplaySetup<Env>> {
  if (config.mode === 'proxy') {
    const sink = config.recordDir
      ? await createHarFileSink(fromInvocationDir(config.recordDir), {
          creator: { name: '@videotask/mock-server', version: version() },
        })
      : undefined;
    const api = createRecordingProxy({
      upstream: config.upstream,
      sink,
      timeoutMs: config.timeoutMs,
      logger,
    });
    return {
      wrap: (app) => ({ ...routeApi(api, app), close: async () => sink?.flush() }),
      lines: [
        `Proxy: /v1/* goes to ${config.upstream} with the caller's own headers (timeout ${config.timeoutMs} ms)${sink ? `; recording to ${sink.file} (secrets redacted)` : ''}`,
      ],
    };
  }
  const { entries, files } = await readHarSource(fromInvocationDir(config.source));
  return {
    wrap: (app) => {
      const replay = createReplay({
        entries,
        logger,
        source: config.source,
        ...(config.strict ? {} : { fallback: (request: Request) => app.fetch(request) }),
      });
      return { ...routeApi(replay, app), close: async () => {} };
    },
    lines: [
      `Replay: ${entries.length} recorded exchange(s) from ${files.length} file(s) in ${config.source}; unrecorded requests: ${config.strict ? '404 (strict)' : 'the simulated mock answers'}`,
    ],
  };
}
