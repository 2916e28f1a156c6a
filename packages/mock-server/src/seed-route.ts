// POST /__mock/seed: realistic demo tasks. seed.ts (and faker with it) loads on the first call only,
// so the core, and bundles of it such as the MSW handlers, do not carry faker until someone seeds.
import type { Context, Hono } from 'hono';
import type { MockCore } from './core.js';
import type { TaskStatus } from './lifecycle.js';

type JsonObjectReader = (core: MockCore, c: Context) => Promise<Record<string, unknown> | Response>;

export function registerSeedRoute(app: Hono, core: MockCore, jsonObject: JsonObjectReader): void {
  app.post('/__mock/seed', async (c) => {
    const body = await jsonObject(core, c);
    if (body instanceof Response) return body;
    const { count, statuses, apiKey } = body;
    if (statuses !== undefined && !Array.isArray(statuses)) {
      return core.fail('invalid_request', 'statuses must be a list of task statuses', 'statuses');
    }
    const options = {
      count: count as number,
      statuses: statuses as TaskStatus[] | undefined,
      apiKey: apiKey as string | undefined,
    };
    const { seedProblem, seedTasks } = await import('./seed.js');
    const problem = seedProblem(core, options);
    if (problem) return core.fail('invalid_request', problem.message, problem.param);
    try {
      const data = seedTasks(core, options);
      return core.json({ data }, 201);
    } catch (error) {
      // A speed at which no task of a status can exist (its timings would pass the 24 h retention).
      if (error instanceof RangeError) return core.fail('conflict', error.message);
      throw error;
    }
  });
}
