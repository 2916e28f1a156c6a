// The admin API under /__mock/: tasks, cancel, redeliver, clock, deliveries, faults, credits, reset.
import type { Context, Hono } from 'hono';
import type { MockCore } from './core.js';
import { REDELIVER_MUTATIONS, type RedeliverMutation } from './deliveries.js';
import { FAULT_STATUSES, type FaultSpec } from './faults.js';
import { stateAt, TASK_STATUSES, type TaskStatus } from './lifecycle.js';
import { toMilli } from './prices.js';
import { bearerToken, readBodyLimited } from './respond.js';
import { createSecretMatcher } from './secure-compare.js';
import { registerSeedRoute } from './seed-route.js';

/** Every admin route, for GET /__mock and the 405 answers. */
export const ADMIN_ROUTES = [
  ['GET', '/__mock', 'this index'],
  ['GET', '/__mock/config', 'the options the server runs with'],
  ['GET', '/__mock/tasks', 'tasks, newest first (?status=, ?api_key=, ?limit= up to 1000)'],
  ['GET', '/__mock/tasks/:id', 'one task with its timeline'],
  ['POST', '/__mock/tasks/:id/cancel', 'end a running task as failed / request_cancelled'],
  [
    'POST',
    '/__mock/tasks/:id/redeliver',
    'send the callback again: {"mutate": "none|duplicate|stale-timestamp|bad-signature|tampered-body", "url"?}',
  ],
  ['GET', '/__mock/clock', 'the clock mode and time'],
  ['POST', '/__mock/clock/advance', 'move a manual clock: {"ms": N}'],
  ['GET', '/__mock/deliveries', 'every callback attempt (?task_id=)'],
  ['POST', '/__mock/deliveries/idle', 'wait until no callback attempt is in flight: {"timeoutMs"?: N}'],
  ['GET', '/__mock/faults', 'injected faults still to apply'],
  [
    'POST',
    '/__mock/faults',
    'inject a fault: {"status"?: 429|500|502|503, "count"?: N, "delayMs"?: N, "retryAfter"?: N, "path"?: "/v1/..."}',
  ],
  ['DELETE', '/__mock/faults', 'drop every injected fault'],
  ['POST', '/__mock/credits', 'set a key\'s remaining credits: {"apiKey": "...", "credits": N}'],
  ['POST', '/__mock/reset', 'forget tasks, credits, deliveries, faults; re-seed'],
  // Seeded demo data (issue 13): the route lives in seed-route.ts.
  ['POST', '/__mock/seed', 'add realistic demo tasks: {"count": N, "statuses"?: [...], "apiKey"?: "..."}'],
] as const;

/** Reads a JSON object body; a Response when it is not one. */
async function jsonObject(core: MockCore, c: Context): Promise<Record<string, unknown> | Response> {
  const text = await readBodyLimited(c.req.raw);
  if (text === null) return core.fail('request_too_large');
  if (text.trim() === '') return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  return core.fail('invalid_request', 'The request body must be a JSON object.');
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function registerAdmin(app: Hono, core: MockCore): void {
  const { adminToken } = core.options;
  if (adminToken) {
    const tokenMatches = createSecretMatcher([adminToken]);
    // `/__mock/*` matches `/__mock` itself too.
    app.use('/__mock/*', async (c, next) => {
      const token = bearerToken(c.req.header('authorization')) ?? c.req.header('x-admin-token');
      if (!tokenMatches(token))
        return core.fail(
          'unauthorized',
          'The admin API needs the admin token (Authorization: Bearer <token> or x-admin-token).',
        );
      await next();
    });
  }

  const taskOr404 = (c: Context) => {
    const id = c.req.param('id') ?? '';
    return core.store.get(id, core.now()) ?? core.fail('task_not_found', `No task ${id}.`, 'id');
  };

  app.get('/__mock', () =>
    core.json({ routes: ADMIN_ROUTES.map(([method, path, what]) => ({ method, path, what })) }),
  );

  app.get('/__mock/config', () => {
    const o = core.options;
    return core.json({
      clock: o.clock,
      now: core.now(),
      speed: o.speed,
      seed: o.seed,
      failureRate: o.failureRate,
      apiKeys: o.apiKeys ? [...o.apiKeys] : null,
      webhookSecret: o.webhookSecret,
      allowLocalCallbacks: o.allowLocalCallbacks,
      publicUrl: o.publicUrl,
      credits: o.credits,
      rateLimit: o.rateLimit,
      maxTasks: o.maxTasks,
    });
  });

  app.get('/__mock/tasks', (c) => {
    const status = c.req.query('status');
    if (status !== undefined && !TASK_STATUSES.includes(status as TaskStatus)) {
      return core.fail('invalid_request', `status must be one of: ${TASK_STATUSES.join(', ')}`, 'status');
    }
    const apiKey = c.req.query('api_key');
    const limitText = c.req.query('limit');
    const limit = limitText === undefined ? 100 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      return core.fail('invalid_request', 'limit must be an integer from 1 to 1000', 'limit');
    }
    const now = core.now();
    core.billing.settleDue(now);
    core.store.sweep(now, true);
    const all = [...core.store.values()].filter(
      (t) => (!apiKey || t.apiKey === apiKey) && (!status || stateAt(t, now).status === status),
    );
    const page = all.slice(-limit).reverse();
    return core.json({ data: page.map((t) => core.adminView(t)), total: all.length });
  });

  app.get('/__mock/tasks/:id', (c) => {
    const task = taskOr404(c);
    if (task instanceof Response) return task;
    core.billing.settleDue(core.now());
    return core.json(core.adminView(task));
  });

  app.post('/__mock/tasks/:id/cancel', (c) => {
    const task = taskOr404(c);
    if (task instanceof Response) return task;
    if (core.cancel(task) === 'ended')
      return core.fail('conflict', `Task ${task.id} has already ended.`, 'id');
    return core.json(core.adminView(task));
  });

  app.post('/__mock/tasks/:id/redeliver', async (c) => {
    const task = taskOr404(c);
    if (task instanceof Response) return task;
    const body = await jsonObject(core, c);
    if (body instanceof Response) return body;
    const mutate = (body.mutate ?? 'none') as RedeliverMutation;
    if (!REDELIVER_MUTATIONS.includes(mutate)) {
      return core.fail(
        'invalid_request',
        `mutate must be one of: ${REDELIVER_MUTATIONS.join(', ')}`,
        'mutate',
      );
    }
    const status = stateAt(task, core.now()).status;
    if (status !== 'completed' && status !== 'failed') {
      return core.fail(
        'conflict',
        `Task ${task.id} has not ended yet (${status}); its callback is sent when it does.`,
        'id',
      );
    }
    const url = body.url ?? task.callbackUrl;
    if (typeof url !== 'string')
      return core.fail('invalid_request', 'The task has no callback_url; pass "url".', 'url');
    const check = core.checkCallbackUrl(url);
    if (!check.ok) return core.fail('invalid_request', `url ${check.reason}`, 'url');
    core.billing.settleDue(core.now());
    const { webhookId } = core.redeliver(task, mutate, url);
    return core.json({ taskId: task.id, webhookId, mutate, url }, 202);
  });

  app.get('/__mock/clock', () =>
    core.json({
      mode: core.scheduler.mode,
      now: core.now(),
      iso: new Date(core.now()).toISOString(),
      timers: core.scheduler.pending,
    }),
  );

  app.post('/__mock/clock/advance', async (c) => {
    if (core.scheduler.mode !== 'manual') {
      return core.fail(
        'conflict',
        'The clock is real; start the server with clock "manual" (--clock manual) to move it.',
      );
    }
    const body = await jsonObject(core, c);
    if (body instanceof Response) return body;
    if (!isCount(body.ms)) return core.fail('invalid_request', 'ms must be an integer >= 0', 'ms');
    await core.scheduler.advance(body.ms);
    return core.json({ mode: core.scheduler.mode, now: core.now(), iso: new Date(core.now()).toISOString() });
  });

  app.get('/__mock/deliveries', (c) => {
    const taskId = c.req.query('task_id');
    return core.json({ data: core.deliveries.list(taskId ? { taskId } : {}) });
  });

  app.post('/__mock/deliveries/idle', async (c) => {
    const body = await jsonObject(core, c);
    if (body instanceof Response) return body;
    const timeoutMs = body.timeoutMs ?? 5000;
    if (!isCount(timeoutMs) || timeoutMs > 60_000) {
      return core.fail('invalid_request', 'timeoutMs must be an integer from 0 to 60000', 'timeoutMs');
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const idle = await Promise.race([
      core.deliveries.idle().then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    return core.json({ idle, inFlight: core.deliveries.inFlightCount });
  });

  app.get('/__mock/faults', () => core.json({ data: core.faults.list() }));

  app.post('/__mock/faults', async (c) => {
    const body = await jsonObject(core, c);
    if (body instanceof Response) return body;
    const spec: FaultSpec = {};
    if (body.status !== undefined) {
      if (!FAULT_STATUSES.includes(body.status as never)) {
        return core.fail('invalid_request', `status must be one of: ${FAULT_STATUSES.join(', ')}`, 'status');
      }
      spec.status = body.status as FaultSpec['status'];
    }
    for (const field of ['count', 'delayMs', 'retryAfter'] as const) {
      if (body[field] === undefined) continue;
      if (!isCount(body[field]))
        return core.fail('invalid_request', `${field} must be an integer >= 0`, field);
      spec[field] = body[field];
    }
    if (spec.count === 0) return core.fail('invalid_request', 'count must be at least 1', 'count');
    if ((spec.delayMs ?? 0) > 120_000)
      return core.fail('invalid_request', 'delayMs must be at most 120000', 'delayMs');
    if (body.path !== undefined) {
      if (typeof body.path !== 'string' || !body.path.startsWith('/')) {
        return core.fail('invalid_request', 'path must be a path prefix starting with /', 'path');
      }
      spec.path = body.path;
    }
    if (spec.status === undefined && !spec.delayMs) {
      return core.fail('invalid_request', 'A fault needs a status, a delayMs, or both.', 'status');
    }
    const fault = core.faults.add(spec);
    return core.json({ fault, data: core.faults.list() }, 201);
  });

  app.delete('/__mock/faults', () => {
    core.faults.clear();
    return core.json({ data: [] });
  });

  app.post('/__mock/credits', async (c) => {
    const body = await jsonObject(core, c);
    if (body instanceof Response) return body;
    if (typeof body.apiKey !== 'string' || !body.apiKey) {
      return core.fail('invalid_request', 'apiKey must be a non-empty string', 'apiKey');
    }
    if (typeof body.credits !== 'number' || !Number.isFinite(body.credits) || body.credits < 0) {
      return core.fail('invalid_request', 'credits must be a number >= 0', 'credits');
    }
    core.billing.settleDue(core.now());
    core.billing.setRemaining(body.apiKey, toMilli(body.credits));
    return core.json(core.billing.view(body.apiKey));
  });

  app.post('/__mock/reset', () => {
    core.reset();
    return core.json({ reset: true, now: core.now() });
  });

  registerSeedRoute(app, core, jsonObject);
}
