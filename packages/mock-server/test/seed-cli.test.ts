// `videotask-mock --seed-tasks N`: N realistic tasks, seen through the public API, the admin API and the dashboard.
import { afterEach, describe, expect, test } from 'vitest';
import { main } from '../src/node/cli.js';
import { parseCliArgs } from '../src/node/cli-args.js';
import type { RunningMockServer } from '../src/node/index.js';

let running: RunningMockServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('--seed-tasks', () => {
  test('parses from the flag or MOCK_SEED_TASKS, and refuses what it cannot seed', () => {
    expect(parseCliArgs(['--seed-tasks', '25']).seedTasks).toBe(25);
    expect(parseCliArgs([], { MOCK_SEED_TASKS: '7' }).seedTasks).toBe(7);
    for (const bad of ['0', '1001', '2.5', 'many']) {
      expect(() => parseCliArgs(['--seed-tasks', bad])).toThrow(
        /--seed-tasks must be an integer from 1 to 1000/,
      );
    }
  });

  test('a seeding that cannot be done stops the server with exit code 1', async () => {
    const err: string[] = [];
    const before = process.exitCode;
    running = await main(
      ['--port', '0', '--seed-tasks', '3', '--speed', '0.0001', '--quiet'],
      {},
      { out: () => {}, err: (l) => err.push(l) },
      false,
    );
    expect(running).toBeUndefined();
    expect(process.exitCode).toBe(1);
    process.exitCode = before;
    expect(err.join('\n')).toMatch(/--seed-tasks: At speed 0.0001 no task can be/);
  });

  test('12 tasks through the API, the admin API and the dashboard', async () => {
    const out: string[] = [];
    running = await main(
      ['--port', '0', '--seed-tasks', '12', '--api-keys', 'team-key', '--seed', 'cli', '--quiet'],
      {},
      { out: (l) => out.push(l), err: (l) => out.push(`ERR ${l}`) },
      false,
    );
    const url = running?.url as string;
    expect(out[0]).toBe(`Listening on ${url}`);
    expect(out).toContain('Seeded 12 demo tasks for API key team-key');

    const admin = await (await fetch(`${url}/__mock/tasks`)).json();
    expect(admin.total).toBe(12);
    const statuses = new Set<string>();
    for (const { task } of admin.data) {
      const response = await fetch(`${url}/v1/tasks/${task.id}`, {
        headers: { authorization: 'Bearer team-key' },
      });
      expect(response.status).toBe(200);
      statuses.add((await response.json()).status);
    }
    expect([...statuses].sort()).toEqual(['completed', 'failed', 'pending', 'processing']);

    const page = await (await fetch(`${url}/__mock/ui`)).text();
    const rows = /<tbody data-part="rows">([\s\S]*?)<\/tbody>/.exec(page)?.[1] ?? '';
    expect(rows.match(/<tr/g)).toHaveLength(12);
    for (const { task } of admin.data) expect(rows).toContain(task.id);
  });
});
