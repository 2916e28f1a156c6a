// The repository's GitHub Action (action.yml at the root): its steps, run as the runner runs them,
// against the packed tarballs instead of the registry; the outputs must point at a working mock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { type ActionRun, ActionStepError, runCompositeAction } from '../src/composite-action.js';
import { cleanEnv, repoRoot } from '../src/workspace.js';

const packed = inject('packed');
const actionFile = join(repoRoot, 'action.yml');
let runnerTemp = '';
const env = () => ({
  ...cleanEnv,
  // The registry is asked only for what npm's cache lacks (hono and the like; the tarballs are local).
  npm_config_prefer_offline: 'true',
  RUNNER_TEMP: runnerTemp,
  VIDEOTASK_MOCK_PACKAGES: packed.map((p) => p.tarball).join(' '),
});

beforeAll(() => {
  runnerTemp = mkdtempSync(join(tmpdir(), 'videotask-action-'));
});

afterAll(() => {
  rmSync(runnerTemp, { recursive: true, force: true });
});

describe('action.yml', () => {
  let started: ActionRun;
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

  beforeAll(async () => {
    started = await runCompositeAction(
      actionFile,
      {
        port: '0',
        clock: 'manual',
        'webhook-secret': secret,
        'api-keys': 'sk-ci-1,sk-ci-2',
        flags: '--seed 7 --quiet',
      },
      env(),
    );
  });

  afterAll(() => {
    const pid = Number(started?.outputs.pid);
    if (pid > 0) process.kill(pid);
  });

  test('sets base-url to the free port it listens on, and webhook-secret to the given secret', () => {
    expect(started.outputs['base-url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(started.outputs['base-url']).not.toBe('http://127.0.0.1:0');
    expect(started.outputs['webhook-secret']).toBe(secret);
    expect(started.stdout).toContain(`listening on ${started.outputs['base-url']}`);
  });

  test('the mock it started answers with the given API keys only, on the manual clock', async () => {
    const base = started.outputs['base-url'];
    const credits = (key: string) =>
      fetch(`${base}/v1/credits`, { headers: { authorization: `Bearer ${key}` } });
    expect((await credits('sk-ci-2')).status).toBe(200);
    expect((await credits('sk-other')).status).toBe(401);
    const clock = (await (await fetch(`${base}/__mock/clock`)).json()) as { mode: string };
    expect(clock.mode).toBe('manual');
  });

  test("fails with the mock's log when the mock cannot start", async () => {
    const failed = await runCompositeAction(actionFile, { port: '0', clock: 'sometimes' }, env()).catch(
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(ActionStepError);
    expect((failed as ActionStepError).stdout).toContain(
      '::error::videotask-mock exited before it was listening',
    );
    expect((failed as ActionStepError).stdout).toContain('--clock must be real or manual, got "sometimes"');
  });

  test('an input the action does not declare is refused, as on GitHub', async () => {
    await expect(runCompositeAction(actionFile, { prot: '0' }, env())).rejects.toThrow('has no input prot');
  });
});
