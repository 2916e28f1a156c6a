// The admin API under /__mock/: tasks, cancel, redeliver, clock, deliveries, faults, credits, reset.
import type { Context, Hono } from 'hono';
import type { RedeliverMutation } from '../delivery/attempt.js';
import { TASK_STATUSES, type TaskStatus } from '../domain/lifecycle.js';
import type { FaultSpec } from '../store/faults.js';
import type { Http } from './answer.js';
import { bearerToken, readBodyLimited } from './respond.js';
import { createSecretMatcher } from './secure-compare.js';

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
] as const;

/** Reads a JSON object body; a Response when it is not one. */
async function jsonObject(http: Http, c: Context): Promise<Record<string, unknown> | Response> {
  const text = await readBodyLimited(c.req.raw);
  if (text === null) return http.fail('request_too_large');
  if (text.trim() === '') return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  return http.fail('invalid_request', 'The request body must be a JSON object.');
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** A handler that reads a JSON object body first. */
const withBody =
  (http: Http, handler: (body: Record<string, unknown>, c: Context) => Promise<Response>) =>
  async (c: Context) => {
    const body = await jsonObject(http, c);
    return body instanceof Response ? body : handler(body, c);
  };

/** The admin token check for /__mock/* (when the server has one). */
function registerAdminToken(app: Hono, http: Http): void {
  const { adminToken } = http.core.options;
  if (!adminToken) return;
  const tokenMatches = createSecretMatcher([adminToken]);
  // `/__mock/*` matches `/__mock` itself too.
  app.use('/__mock/*', async (c, next) => {
    const token = bearerToken(c.req.header('authorization')) ?? c.req.header('x-admin-token');
    if (!tokenMatches(token))
      return http.fail(
        'unauthorized',
        'The admin API needs the admin token (Authorization: Bearer <token> or x-admin-token).',
      );
    await next();
  });
}

function configView(http: Http) {
  const o = http.core.options;
  return {
    clock: o.clock,
    now: http.core.now(),
    speed: o.speed,
    seed: o.seed,
    failureRate: o.failureRate,
    apiKeys: o.apiKeys ? [...o.apiKeys] : null,
    webhookSecret: o.webhookSecret,
    allowLocalCallbacks: o.allowLocalCallbacks,
    unsignedCallbacks: o.unsignedCallbacks,
    store: http.core.store.description,
    publicUrl: o.publicUrl,
    credits: o.credits,
    rateLimit: o.rateLimit,
    maxTasks: o.maxTasks,
  };
}

export function registerAdmin(app: Hono, http: Http): void {
  const { core } = http;
  registerAdminToken(app, http);
  app.get('/__mock', () =>
    http.json({ routes: ADMIN_ROUTES.map(([method, path, what]) => ({ method, path, what })) }),
  );
  app.get('/__mock/config', () => http.json(configView(http)));
  app.get('/__mock/tasks', async (c) => {
    const status = c.req.query('status');
    if (status !== undefined && !TASK_STATUSES.includes(status as TaskStatus)) {
      return http.fail('invalid_request', `status must be one of: ${TASK_STATUSES.join(', ')}`, 'status');
    }
    const limitText = c.req.query('limit');
    const limit = limitText === undefined ? 100 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      return http.fail('invalid_request', 'limit must be an integer from 1 to 1000', 'limit');
    }
    const query = {
      status: (status ?? null) as TaskStatus | null,
      apiKey: c.req.query('api_key') ?? null,
      limit,
    };
    const page = await core.listTasks(query);
    const data = await Promise.all(page.items.map(({ task }) => core.view(task)));
    return http.json({ data, total: page.total });
  });
  app.get('/__mock/tasks/:id', async (c) => http.answer(await core.adminTask(c.req.param('id'))));
  app.post('/__mock/tasks/:id/cancel', async (c) => http.answer(await core.cancel(c.req.param('id'))));
  app.post(
    '/__mock/tasks/:id/redeliver',
    withBody(http, async (body, c) => {
      if (body.url !== undefined && typeof body.url !== 'string')
        return http.fail('invalid_request', 'url must be a string', 'url');
      const mutate = (body.mutate ?? 'none') as RedeliverMutation;
      const result = await core.redeliver(c.req.param('id') as string, mutate, body.url);
      return http.answer(result, ({ taskId, webhookId, url }) =>
        http.json({ taskId, webhookId, mutate, url }, 202),
      );
    }),
  );
  registerClockAndDeliveries(app, http);
  registerFaultsAndCredits(app, http);
  app.post('/__mock/reset', async () => {
    await core.reset();
    return http.json({ reset: true, now: core.now() });
  });
}

function registerClockAndDeliveries(app: Hono, http: Http): void {
  const { core } = http;
  app.get('/__mock/clock', () => http.json(core.clockView()));
  app.post(
    '/__mock/clock/advance',
    withBody(http, async (body) => {
      if (core.scheduler.mode === 'manual' && !isCount(body.ms))
        return http.fail('invalid_request', 'ms must be an integer >= 0', 'ms');
      return http.answer(await core.advanceClock(body.ms as number));
    }),
  );
  app.get('/__mock/deliveries', async (c) => {
    const taskId = c.req.query('task_id');
    return http.json({ data: await core.listDeliveries(taskId ? { taskId } : {}) });
  });
  app.post(
    '/__mock/deliveries/idle',
    withBody(http, async (body) => {
      const timeoutMs = body.timeoutMs ?? 5000;
      if (!isCount(timeoutMs) || timeoutMs > 60_000) {
        return http.fail('invalid_request', 'timeoutMs must be an integer from 0 to 60000', 'timeoutMs');
      }
      return http.json(await core.waitIdle(timeoutMs));
    }),
  );
}

function registerFaultsAndCredits(app: Hono, http: Http): void {
  const { core } = http;
  app.get('/__mock/faults', async () => http.json({ data: await core.listFaults() }));
  app.post(
    '/__mock/faults',
    withBody(http, async (body) => {
      if (body.path !== undefined && typeof body.path !== 'string')
        return http.fail('invalid_request', 'path must be a path prefix starting with /', 'path');
      const spec = body as FaultSpec;
      const result = await core.addFault(pickFault(spec));
      if (!result.ok) return http.refused(result);
      return http.json({ fault: result.value, data: await core.listFaults() }, 201);
    }),
  );
  app.delete('/__mock/faults', async () => {
    await core.clearFaults();
    return http.json({ data: [] });
  });
  app.post(
    '/__mock/credits',
    withBody(http, async (body) => {
      if (typeof body.apiKey !== 'string' || !body.apiKey)
        return http.fail('invalid_request', 'apiKey must be a non-empty string', 'apiKey');
      if (typeof body.credits !== 'number')
        return http.fail('invalid_request', 'credits must be a number >= 0', 'credits');
      return http.answer(await core.setCredits(body.apiKey, body.credits));
    }),
  );
}

/** The fault's own fields (extra body fields are ignored). */
function pickFault(body: FaultSpec): FaultSpec {
  const spec: FaultSpec = {};
  for (const field of ['status', 'count', 'delayMs', 'retryAfter', 'path'] as const) {
    if (body[field] !== undefined) (spec as Record<string, unknown>)[field] = body[field];
  }
  return spec;
}
