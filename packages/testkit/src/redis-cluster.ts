// A throwaway Redis Cluster (Debian's redis-server, or valkey-server) on free loopback ports, in one temp folder.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, ready } from './redis-server.js';

const run = promisify(execFile);

export interface RedisClusterOptions {
  /** Masters (default 3). */
  masters?: number;
  /** Replicas per master (default 0): with one each, a killed master's replica is promoted. */
  replicas?: number;
  /** The server binary (default REDIS_SERVER or `redis-server`; a `valkey-server` works the same). */
  server?: string;
}

export interface ClusterNode {
  port: number;
  /** Killed with SIGKILL (a crash); it stays down. */
  kill(): Promise<void>;
  alive(): boolean;
}

export interface RedisCluster {
  /** `redis-cluster://127.0.0.1:P1,127.0.0.1:P2,…` (every master's address). */
  url: string;
  nodes: ClusterNode[];
  /** Runs a command on one node with redis-cli (the reply as redis-cli prints it). */
  command(port: number, ...args: string[]): Promise<string>;
  /** The live masters' ports, as the cluster reports them now. */
  masterPorts(): Promise<number[]>;
  /** The port of the master that holds `key`'s slot. */
  masterOf(key: string): Promise<number>;
  /**
   * Kills a master (the one holding `key` when given) with SIGKILL and resolves once its replica is
   * promoted and every live node reports the cluster ok again (polls ROLE and CLUSTER INFO; rejects
   * after `timeoutMs`).
   */
  failOver(options?: { key?: string; timeoutMs?: number }): Promise<{ killed: number; promoted: number }>;
  /** Stops every node (SIGTERM), waits for the exits and removes the folder. */
  stop(): Promise<void>;
}

const cli = () => process.env.REDIS_CLI ?? 'redis-cli';

async function command(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run(cli(), ['-h', '127.0.0.1', '-p', String(port), ...args]);
  return stdout.trim();
}

/** Polls `check` every 50 ms until it is true; rejects with `what` after `timeoutMs`. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Redis Cluster: ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function startNode(binary: string, dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    binary,
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      ...['--dir', dir, '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`],
      // A dead master is failed over after about a second (not 15), whatever its replica's data age.
      ...['--cluster-node-timeout', '1000', '--cluster-replica-validity-factor', '0'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`Could not start ${binary}: ${error.message}`)));
    child.once('spawn', () => ready(port, child, () => output).then(() => resolve(child), reject));
  });
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}

const info = async (port: number, field: string) =>
  new RegExp(`^${field}:(\\S+)`, 'm').exec(await command(port, 'CLUSTER', 'INFO'))?.[1];

/** Starts the nodes, joins them with `redis-cli --cluster create` and waits until every node says ok. */
export async function startRedisCluster(options: RedisClusterOptions = {}): Promise<RedisCluster> {
  const masters = options.masters ?? 3;
  const count = masters * (1 + (options.replicas ?? 0));
  const binary = options.server ?? process.env.REDIS_SERVER ?? 'redis-server';
  const dir = await mkdtemp(join(tmpdir(), 'videotask-cluster-'));
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map((c) => stopChild(c, 'SIGTERM')));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const ports: number[] = [];
    while (ports.length < count) {
      const port = await freePort();
      // The cluster bus listens on port + 10000: both must be free.
      if (port < 55_000 && !ports.includes(port)) ports.push(port);
    }
    children.push(...(await Promise.all(ports.map((port) => startNode(binary, dir, port)))));
    const addresses = ports.map((p) => `127.0.0.1:${p}`);
    await run(cli(), [
      ...['--cluster', 'create', ...addresses],
      ...['--cluster-replicas', String(options.replicas ?? 0), '--cluster-yes'],
    ]);
    const all = async (check: (port: number) => Promise<boolean>) =>
      (await Promise.all(ports.map(check))).every(Boolean);
    await until('every node ok', () => all(async (p) => (await info(p, 'cluster_state')) === 'ok'), 30_000);
    // A replica that has not synced yet would not be promoted: wait for every link.
    await until(
      'every replica in sync',
      () => all(async (p) => /^(master|slave\n.*\n.*\nconnected)/.test(await command(p, 'ROLE'))),
      30_000,
    );
    const nodes = ports.map((port, i) => ({
      port,
      kill: () => stopChild(children[i] as ChildProcess, 'SIGKILL'),
      alive: () =>
        (children[i] as ChildProcess).exitCode === null && !(children[i] as ChildProcess).signalCode,
    }));
    return clusterHandle(nodes, ports.slice(0, masters), stop);
  } catch (error) {
    await stop();
    throw error;
  }
}

function clusterHandle(nodes: ClusterNode[], masters: number[], stop: () => Promise<void>): RedisCluster {
  const live = () => nodes.filter((n) => n.alive());
  const role = async (port: number) => (await command(port, 'ROLE')).split('\n')[0];
  const masterPorts = async () => {
    const out: number[] = [];
    for (const n of live()) if ((await role(n.port).catch(() => '')) === 'master') out.push(n.port);
    return out;
  };
  const replicaOf = async (master: number) => {
    for (const n of live()) {
      const lines = (await command(n.port, 'ROLE')).split('\n');
      if (lines[0] === 'slave' && lines[2] === String(master)) return n.port;
    }
    return undefined;
  };
  // A master answers a key of another's slot with MOVED; the one that does not holds it.
  const masterOf = async (key: string) => {
    for (const port of await masterPorts())
      if (!(await command(port, 'EXISTS', key)).includes('MOVED')) return port;
    throw new Error(`Redis Cluster: no master holds ${key}`);
  };
  return {
    url: `redis-cluster://${masters.map((p) => `127.0.0.1:${p}`).join(',')}`,
    nodes,
    command,
    masterPorts,
    masterOf,
    async failOver({ key, timeoutMs = 30_000 } = {}) {
      let killed = 0;
      let promoted: number | undefined;
      for (const port of key === undefined ? await masterPorts() : [await masterOf(key)]) {
        promoted = await replicaOf(port);
        if (promoted !== undefined) {
          killed = port;
          break;
        }
      }
      if (promoted === undefined) throw new Error('Redis Cluster: no master has a replica');
      await nodes.find((n) => n.port === killed)?.kill();
      const newMaster = promoted;
      await until(
        `the replica on ${newMaster} promoted`,
        async () =>
          (await role(newMaster)) === 'master' &&
          (await Promise.all(live().map(async (n) => (await info(n.port, 'cluster_state')) === 'ok'))).every(
            Boolean,
          ),
        timeoutMs,
      );
      return { killed, promoted: newMaster };
    },
    stop,
  };
}
