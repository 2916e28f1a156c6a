// Starts the target once for the whole run: the mock's CLI as a real process, or the live API's settings.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { PRODUCTION_BASE_URL } from '@videotask/spec';
import { type RedisServer, startRedisServer } from '@videotask/testkit';
import type { TestProject } from 'vitest/node';
import { drivenFlags, MOCK_API_KEYS, strictFlags } from './mock-flags.js';
import { requirementsFromEnv, unmetRequirements } from './requirements.js';
import { readServedModels } from './served.js';
import { LIVE_HOW_TO, type Target, type TargetName } from './target.js';

declare module 'vitest' {
  export interface ProvidedContext {
    target: Target;
  }
}

function mockCliPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@videotask/mock-server/package.json')), 'bin', 'videotask-mock.js');
}

/** Spawns `videotask-mock` on a free port and waits for its `Listening on` line. */
async function startMock(flags: string[]): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, [mockCliPath(), '--port', '0', ...flags], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The mock did not start within 15 s.\n${stderr}`)),
      15_000,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The mock exited with ${code} before listening.\n${stderr}`));
    });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const match = /^Listening on (http:\/\/\S+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
      else reject(new Error(`Unexpected first line from the mock: ${line}\n${stderr}`));
    });
  });
  lines.on('line', () => {}); // keep draining stdout so the child never blocks on a full pipe
  return { child, baseUrl };
}

async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }),
  );
}

/** The target's settings on a mock at `baseUrl` (the strict one enforces the callback host rules). */
function mockTarget(name: TargetName, baseUrl: string, strictBaseUrl: string, webhookSecret: string): Target {
  return {
    name,
    available: true,
    baseUrl,
    strictBaseUrl,
    apiKey: MOCK_API_KEYS[0],
    rejectedApiKey: 'contract-key-unknown',
    billable: true,
    webhookSecret,
    callback: { local: true },
    // Virtual time on the manual clock: generous, it costs no real time.
    waitTimeoutMs: 30 * 60_000,
    models: { served: {} },
    maxCredits: maxCredits(),
  };
}

/**
 * Two replicas of the mock on one throwaway Redis (plus the strict mock). Both write result URLs
 * with A's address, as replicas behind one load balancer write its address.
 */
async function startReplicas(webhookSecret: string) {
  const redis: RedisServer = await startRedisServer();
  const store = ['--store', redis.url, '--store-prefix', 'contract:'];
  const [a, strict] = await Promise.all([
    startMock([...drivenFlags(webhookSecret), ...store]),
    startMock(strictFlags()),
  ]);
  const b = await startMock([...drivenFlags(webhookSecret), ...store, '--public-url', a.baseUrl]);
  const target = mockTarget('mock-replicas', a.baseUrl, strict.baseUrl, webhookSecret);
  target.replicaUrls = [a.baseUrl, b.baseUrl];
  return {
    target,
    stop: async () => {
      await stopAll([a.child, b.child, strict.child]);
      await redis.stop();
    },
  };
}

/**
 * Mocks started elsewhere with the flags of mock-flags.ts (the image's containers): their URLs, the
 * driven one's webhook secret, and the address its callbacks reach this machine at.
 */
function urlTarget(): Target {
  const env = process.env;
  const missing = ['CONTRACT_MOCK_URL', 'CONTRACT_STRICT_MOCK_URL', 'CONTRACT_WEBHOOK_SECRET'].filter(
    (name) => !env[name],
  );
  if (missing.length) throw new Error(`CONTRACT_TARGET=mock-url needs ${missing.join(', ')}`);
  const target = mockTarget(
    'mock-url',
    env.CONTRACT_MOCK_URL as string,
    env.CONTRACT_STRICT_MOCK_URL as string,
    env.CONTRACT_WEBHOOK_SECRET as string,
  );
  if (env.CONTRACT_CALLBACK_HOST) target.callback = { local: true, host: env.CONTRACT_CALLBACK_HOST };
  return target;
}

/** CONTRACT_MAX_CREDITS: the most one paid smoke task may cost (default 10 credits). */
function maxCredits(): number {
  const raw = process.env.CONTRACT_MAX_CREDITS;
  const value = raw === undefined || raw === '' ? 10 : Number(raw);
  if (!(value > 0)) throw new Error(`CONTRACT_MAX_CREDITS must be a number > 0, got ${raw}`);
  return value;
}

/** One line on what the target serves, before any test, so a skipped model is explained up front. */
function reportServed(target: Target): void {
  if (!target.available) return;
  const { served, unreadable } = target.models;
  if (unreadable) console.log(`\nServed models: ${unreadable}; every model is tried.\n`);
  else
    console.log(
      `\nServed models on ${target.name}: ${
        Object.entries(served)
          .map(([id, s]) => `${id} (${s})`)
          .join(', ') || 'none'
      }\n`,
    );
}

/** Fails the run before any test when CONTRACT_REQUIRE asks for what this target lacks. */
function demandRequirements(target: Target): void {
  const unmet = unmetRequirements(target, requirementsFromEnv());
  if (unmet.length > 0)
    throw new Error(`The contract run cannot check what CI requires:\n${unmet.join('\n')}`);
}

export default async function setup(project: TestProject) {
  const name = project.name as TargetName;
  if (name === 'live') {
    const apiKey = process.env.EVOLINK_API_KEY ?? '';
    const callbackUrl = process.env.CONTRACT_CALLBACK_URL;
    const callbackPort = Number(process.env.CONTRACT_CALLBACK_PORT ?? 0);
    const baseUrl = process.env.EVOLINK_BASE_URL ?? PRODUCTION_BASE_URL;
    const target: Target = {
      name,
      available: apiKey !== '',
      ...(apiKey ? {} : { skipReason: LIVE_HOW_TO }),
      baseUrl,
      strictBaseUrl: baseUrl,
      apiKey,
      rejectedApiKey: `sk-contract-invalid-${randomBytes(8).toString('hex')}`,
      billable: process.env.CONTRACT_ALLOW_BILLABLE === '1',
      ...(callbackUrl && callbackPort ? { callback: { publicUrl: callbackUrl, port: callbackPort } } : {}),
      // Only for a target that signs its callbacks (the live API does not; a signing mock does).
      ...(process.env.CONTRACT_WEBHOOK_SECRET ? { webhookSecret: process.env.CONTRACT_WEBHOOK_SECRET } : {}),
      waitTimeoutMs: Number(process.env.CONTRACT_WAIT_TIMEOUT_MS ?? 15 * 60_000),
      // Without a key nothing runs, so nothing is read (no network needed for a keyless run).
      models: apiKey ? await readServedModels(baseUrl, apiKey) : { served: {} },
      maxCredits: maxCredits(),
    };
    demandRequirements(target);
    reportServed(target);
    if (!target.available) console.log(`\n${LIVE_HOW_TO}\n`);
    project.provide('target', target);
    return;
  }

  requirementsFromEnv(); // an unknown name fails before the mock starts
  if (name === 'mock-url') {
    const target = urlTarget();
    target.models = await readServedModels(target.baseUrl, target.apiKey);
    demandRequirements(target);
    project.provide('target', target);
    return;
  }
  const webhookSecret = `whsec_${randomBytes(24).toString('base64')}`;
  if (name === 'mock-replicas') {
    const replicas = await startReplicas(webhookSecret);
    replicas.target.models = await readServedModels(replicas.target.baseUrl, replicas.target.apiKey);
    demandRequirements(replicas.target);
    project.provide('target', replicas.target);
    return replicas.stop;
  }
  const [main, strict] = await Promise.all([startMock(drivenFlags(webhookSecret)), startMock(strictFlags())]);
  const target = mockTarget(name, main.baseUrl, strict.baseUrl, webhookSecret);
  target.models = await readServedModels(main.baseUrl, target.apiKey);
  demandRequirements(target);
  project.provide('target', target);
  return () => stopAll([main.child, strict.child]);
}
