// A throwaway redis-server (Debian's) on a free loopback port, with no persistence files: for tests that need a real Redis.
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface RedisServer {
  /** `redis://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** Stops it (SIGTERM), waits for the exit and removes its folder. */
  stop(): Promise<void>;
  /** Kills it at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port (after stop or kill): an empty Redis, as after a crash without persistence. */
  restart(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves once the server answers PING on `port`; rejects when the process exits first. */
export function ready(port: number, child: ChildProcess, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const onExit = (code: number | null) => {
      done = true;
      reject(new Error(`redis-server exited (${code}) before it was ready:\n${log()}`));
    };
    child.once('exit', onExit);
    const attempt = () => {
      if (done) return;
      const socket = new Socket();
      socket.once('error', () => {
        socket.destroy();
        setTimeout(attempt, 20);
      });
      socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        if (!data.toString().startsWith('+PONG')) return setTimeout(attempt, 20);
        done = true;
        child.off('exit', onExit);
        resolve();
      });
    };
    attempt();
  });
}

/** Where `valkey-server` is (VALKEY_SERVER, else the PATH), or undefined when it is not installed. */
export function findValkeyServer(env = process.env): string | undefined {
  if (env.VALKEY_SERVER) return env.VALKEY_SERVER;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const path = join(dir, 'valkey-server');
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Starts `redis-server` (override the binary with REDIS_SERVER, or `server`: a `valkey-server` works the
 * same) on a free port; call `stop()` when done.
 */
export async function startRedisServer(options: { server?: string } = {}): Promise<RedisServer> {
  const binary = options.server ?? process.env.REDIS_SERVER ?? 'redis-server';
  const dir = await mkdtemp(join(tmpdir(), 'videotask-redis-'));
  const port = await freePort();
  let child: ChildProcess;
  let output = '';

  const launch = async () => {
    output = '';
    child = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const spawned = new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (error) => reject(new Error(`Could not start ${binary}: ${error.message}`)));
    });
    await spawned;
    await ready(port, child, () => output);
  };
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  };

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      await end('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
    kill: () => end('SIGKILL'),
    restart: launch,
  };
}
