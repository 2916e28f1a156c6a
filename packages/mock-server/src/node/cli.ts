// The `videotask-mock` command: reads its arguments (cli-args.ts), listens, prints the start lines, seeds
// demo tasks when asked, and shuts down cleanly on a signal.
import { createRequire } from 'node:module';
import { setupRecordReplay } from '../record-replay-cli.js';
import { type CliConfig, parseCliArgs, UsageError, usage } from './cli-args.js';
import { type RunningMockServer, serveMockServer } from './index.js';

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
  if (o.observer) lines.push(`Metrics: ${running.url}/metrics (Prometheus text format)`);
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
  const mcp = argv[0] === 'mcp';
  // With `mcp`, stdout carries only MCP: every line of ours goes to stderr.
  if (mcp) [argv, io] = [argv.slice(1), { out: io.err, err: io.err }];
  const config = readConfig(argv, env, io, mcp);
  if (!config) return undefined;
  // Log lines wait until the start lines are out, so `Listening on` is always the first line.
  let held: string[] | undefined = [];
  const logger = (line: string) => (held ? held.push(line) : io.out(line));
  const started = await start(config, config.quiet ? undefined : logger, io);
  if (!started) return undefined;
  const { running, recordReplayLines } = started;
  for (const line of [...startLines(running), ...recordReplayLines]) io.out(line);
  if (config.seedTasks && !(await seedAtStart(running, config.seedTasks, io))) return undefined;
  for (const line of held) io.out(line);
  held = undefined;
  const stop = stopper(running, io);
  if (handleSignals) stopOnSignals(stop);
  if (mcp) {
    const { serveMcpOnStdio } = await import('./mcp-stdio.js');
    await serveMcpOnStdio(running, () => stop('the MCP client closed stdin'));
  }
  return running;
}

/** The parsed arguments; undefined once --help, --version or a usage error (exit 2) has been answered. */
function readConfig(
  argv: string[],
  env: Record<string, string | undefined>,
  io: CliIo,
  mcp: boolean,
): CliConfig | undefined {
  let config: CliConfig;
  try {
    config = parseCliArgs(argv, env);
    // The tools are the admin API's operations: without it every one would answer 404.
    if (mcp && config.serve.admin === false) throw new UsageError('mcp needs the admin API; drop --no-admin');
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
  return config;
}

/** Sets up record/replay (if asked) and listens; undefined (exit 1) when either fails. */
async function start(config: CliConfig, logger: ((line: string) => void) | undefined, io: CliIo) {
  try {
    const recordReplay = config.recordReplay
      ? await setupRecordReplay(config.recordReplay, logger)
      : undefined;
    const running = await serveMockServer({
      ...config.serve,
      logger,
      ...(recordReplay ? { wrapApp: recordReplay.wrap } : {}),
    });
    return { running, recordReplayLines: recordReplay?.lines ?? [] };
  } catch (error) {
    io.err(`videotask-mock: ${(error as Error).message}`);
    process.exitCode = 1;
    return undefined;
  }
}

/** Closes the server once, then exits 0 (1 when closing failed); `why` is said on stderr. */
function stopper(running: RunningMockServer, io: CliIo): (why: string) => void {
  let stopping = false;
  return (why) => {
    if (stopping) return;
    stopping = true;
    io.err(`videotask-mock: ${why}, shutting down`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
}

/** On SIGINT or SIGTERM: stops. */
function stopOnSignals(stop: (why: string) => void): void {
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
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
