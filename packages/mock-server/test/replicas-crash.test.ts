// Replicas as processes (the `videotask-mock` command) on one Redis and on a Redis Cluster: one killed with SIGKILL
// mid-delivery or with a retry pending, and every replica stopped and started again. Nothing is lost; a callback
// keeps its webhook-id.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { CallbackReceiver } from '@videotask/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CALLBACK_LEASE_MS } from '../src/core/callbacks.js';
import { describeOnTargets, type ReplicaTargets, startReplicaTargets } from './redis-targets.js';

const runner = fileURLToPath(new URL('./run-cli.ts', import.meta.url));

interface Replica {
  url: string;
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

let targets: ReplicaTargets;
let receiver: CallbackReceiver;
let prefixes = 0;
const children: ChildProcess[] = [];
/** Each test starts two to five processes (tsx compiles the CLI in each): generous on a busy machine. */
const PROCESS_TEST_MS = 90_000;

beforeAll(async () => {
  targets = await startReplicaTargets();
  receiver = targets.receiver;
}, 60_000);
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(async () => {
  await targets?.stop();
});

/** Starts `videotask-mock` on the test's Redis prefix; resolves once its start lines are out (rejects when it exits). */
function startReplica(store: string, prefix: string, extra: string[] = []): Promise<Replica> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      runner,
      ...['--port', '0', '--store', store, '--store-prefix', prefix, '--clock', 'manual'],
      ...['--allow-local-callbacks', '--quiet', ...extra],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
  );
  children.push(child);
  const lines: string[] = [];
  child.stderr?.on('data', (chunk) => lines.push(String(chunk).trim()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const out = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> });
  return new Promise((resolve, reject) => {
    out.on('line', (line) => {
      lines.push(line);
      // The start lines end with the store's; the first names the address.
      const url = /^Listening on (\S+)$/.exec(lines[0] ?? '')?.[1];
      if (url && line.startsWith('Store: redis')) resolve({ url, child, lines, exited });
    });
    void exited.then((code) => reject(Object.assign(new Error(lines.join('\n')), { code })));
  });
}

async function call(on: Replica, method: string, path: string, body?: unknown, headers = {}) {
  const response = await fetch(`${on.url}${path}`, {
    method,
    headers: { authorization: 'Bearer sk-crash', 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the tests read fields of JSON answers the spec describes
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

async function kill(replica: Replica): Promise<void> {
  replica.child.kill('SIGKILL');
  await replica.exited;
}

async function stop(replica: Replica): Promise<void> {
  replica.child.kill('SIGTERM');
  expect(await replica.exited).toBe(0);
}

/** Creates a task with a callback to `path` on `on`, and moves the clock (on `on`) to the instant it ends. */
async function taskEndingNow(on: Replica, path: string, extra: Record<string, string> = {}) {
  const created = await call(
    on,
    'POST',
    '/v1/videos/generations',
    { model: 'sora-2', prompt: 'crash', duration: 10, callback_url: `${receiver.url}${path}` },
    extra,
  );
  expect(created.status).toBe(200);
  const view = await call(on, 'GET', `/__mock/tasks/${created.json.id}`);
  const now = (await call(on, 'GET', '/__mock/clock')).json.now as number;
  await call(on, 'POST', '/__mock/clock/advance', { ms: view.json.timeline.endAt - now });
  return created.json.id as string;
}

/** The crash and restart tests on the Redis at `url()`. */
function describeCrashes(on: string, url: () => string) {
  describe(`a replica killed with SIGKILL (${on})`, () => {
    test(
      'while it holds a delivery: another sends it after the lease, with the same webhook-id',
      async () => {
        const prefix = `crash${prefixes++}:`;
        const [a, b] = await Promise.all([startReplica(url(), prefix), startReplica(url(), prefix)]);
        const path = `/held-${prefix}`;
        receiver.script(['hang']);
        const id = await taskEndingNow(a, path);
        const [held] = await receiver.waitFor(path, 1);
        await kill(a);
        // Before the lease runs out the job is still A's; after it, B claims it.
        await call(b, 'POST', '/__mock/clock/advance', { ms: CALLBACK_LEASE_MS - 1000 });
        expect(receiver.arrivals.filter((x) => x.path === path)).toHaveLength(1);
        await call(b, 'POST', '/__mock/clock/advance', { ms: 1000 });
        const [, resent] = await receiver.waitFor(path, 2);
        expect(resent?.headers['webhook-id']).toBe(held?.headers['webhook-id']);
        expect(JSON.parse(resent?.rawBody ?? '{}').id).toBe(id);
        const log = (await call(b, 'GET', `/__mock/deliveries?task_id=${id}`)).json.data;
        // A's attempt never ended (A died holding it); B's was delivered.
        expect(log.map((x: { outcome: string; attempt: number }) => [x.attempt, x.outcome])).toEqual([
          [1, 'in_flight'],
          [1, 'delivered'],
        ]);
      },
      PROCESS_TEST_MS,
    );

    test(
      'while a retry is pending: another replica sends the retry, with the same webhook-id',
      async () => {
        const prefix = `crash${prefixes++}:`;
        const [a, b] = await Promise.all([startReplica(url(), prefix), startReplica(url(), prefix)]);
        const path = `/retry-${prefix}`;
        receiver.script([500]);
        await taskEndingNow(a, path);
        const [failed] = await receiver.waitFor(path, 1);
        await kill(a);
        await call(b, 'POST', '/__mock/clock/advance', { ms: 2000 });
        const [, retried] = await receiver.waitFor(path, 2);
        expect(retried?.headers['webhook-id']).toBe(failed?.headers['webhook-id']);
        const log = (await call(b, 'GET', '/__mock/deliveries')).json.data;
        expect(log.map((x: { outcome: string; attempt: number }) => [x.attempt, x.outcome])).toEqual([
          [1, 'failed'],
          [2, 'delivered'],
        ]);
      },
      PROCESS_TEST_MS,
    );
  });

  describe(`every replica stopped and started again on the same Redis (${on})`, () => {
    test(
      'tasks, credits, idempotency keys, the clock, the webhook secret and pending callbacks carry on',
      async () => {
        const prefix = `restart${prefixes++}:`;
        const [a, b] = await Promise.all([startReplica(url(), prefix), startReplica(url(), prefix)]);
        const secret = a.lines.find((l) => l.startsWith('Webhook secret:'));
        expect(b.lines).toContain(secret);
        const path = `/restart-${prefix}`;
        const body = {
          model: 'sora-2',
          prompt: 'restart',
          duration: 10,
          callback_url: `${receiver.url}${path}`,
        };
        const created = await call(a, 'POST', '/v1/videos/generations', body, {
          'idempotency-key': 'k-restart',
        });
        await call(b, 'POST', '/__mock/clock/advance', { ms: 5000 });
        const credits = (await call(b, 'GET', '/v1/credits')).json;
        const clock = (await call(a, 'GET', '/__mock/clock')).json.now;
        await Promise.all([stop(a), stop(b)]);

        // Started again, and beside them one given another webhook secret, which refuses to start.
        const [a2, b2, other] = await Promise.all([
          startReplica(url(), prefix),
          startReplica(url(), prefix),
          startReplica(url(), prefix, ['--webhook-secret', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw']).catch(
            (error: Error & { code: number }) => error,
          ),
        ]);
        expect(other).toMatchObject({ code: 1 });
        expect((other as Error).message).toMatch(/^videotask-mock: The webhook secret differs/m);
        expect(a2.lines).toContain(secret);
        expect((await call(b2, 'GET', '/__mock/clock')).json.now).toBe(clock);
        expect((await call(b2, 'GET', `/v1/tasks/${created.json.id}`)).json.id).toBe(created.json.id);
        const replay = await call(a2, 'POST', '/v1/videos/generations', body, {
          'idempotency-key': 'k-restart',
        });
        expect(replay.json.id).toBe(created.json.id);
        expect((await call(a2, 'GET', '/v1/credits')).json).toEqual(credits);
        // The callback scheduled before the restart is sent when the task ends.
        await call(a2, 'POST', '/__mock/clock/advance', { ms: 10 * 60_000 });
        const [arrival] = await receiver.waitFor(path, 1);
        expect(JSON.parse(arrival?.rawBody ?? '{}')).toMatchObject({
          id: created.json.id,
          status: 'completed',
        });
      },
      PROCESS_TEST_MS,
    );
  });
}

describeOnTargets(() => targets, describeCrashes, {
  single: 'one Redis',
  cluster: 'a three-master Redis Cluster',
  valkey: 'replicas as processes on a three-master cluster',
});
