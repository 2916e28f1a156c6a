// The admin API under /__mock/: tasks, cancel, redeliver, clock (its verbs), deliveries, faults, chaos, credits, models, reset.

import type { AdminSchemas } from '@videotask/spec';
import type { CompiledValidator } from '@videotask/spec/validator';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { modelStateEntry } from '../core/catalog.js';
import { adminValidators } from '../domain/validation.js';
import type { FaultSpec } from '../store/faults.js';
import type { Http } from './answer.js';
import { bearerToken, MAX_BODY_BYTES } from './respond.js';
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
  ['GET', '/__mock/clock', 'the clock: mode, time, factor, paused'],
  ['POST', '/__mock/clock/advance', 'move a manual clock: {"ms": N}'],
  ['POST', '/__mock/clock/set', 'set the clock: {"at": ms or ISO date} (never before the newest task)'],
  ['POST', '/__mock/clock/scale', 'a real clock\'s speed: {"factor": N} (0 < N <= 1000)'],
  ['POST', '/__mock/clock/pause', 'pause a real clock'],
  ['POST', '/__mock/clock/resume', 'resume a paused real clock'],
  ['POST', '/__mock/clock/reset', 'the clock back at its start (never before the newest task)'],
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
  ['GET', '/__mock/models', 'the served models and their states'],
  [
    'POST',
    '/__mock/models',
    'set a model\'s state: {"model": "...", "state": "available|degraded|unavailable|retired|null"}',
  ],
  ['GET', '/__mock/chaos', 'the chaos profile in force, its seed and draws, and every profile'],
  ['PUT', '/__mock/chaos', 'put a chaos profile in force: {"profile": "flaky-gateway|…", "seed"?: "..."}'],
  ['DELETE', '/__mock/chaos', 'no chaos profile in force'],
  ['POST', '/__mock/reset', 'forget tasks, credits, deliveries, faults, the run-time chaos; re-seed'],
  ['POST', '/__mock/seed', 'add realistic demo tasks: {"count": N, "statuses"?: [...], "apiKey"?: "..."}'],
] as const;

/** Reads a JSON object body; a Response when it is not one. */
async function jsonObject(http: Http, c: Context): Promise<Record<string, unknown> | Response> {
  const text = await c.req.text(); // bounded by hono/body-limit (registerAdmin)
  if (text.trim() === '') return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  return http.fail('invalid_request', 'The request body must be a JSON object.');
}

type Validators = ReturnType<typeof adminValidators>;
type BodyOperation = keyof Validators['body'];
type BodyOf<Op extends BodyOperation> = Validators['body'][Op] extends CompiledValidator<infer T> ? T : never;

/** The first issue of a failed validation, as a 400 in the envelope. */
function invalid(http: Http, validate: CompiledValidator): Response {
  const issue = validate.issues[0];
  return http.fail('invalid_request', issue?.message ?? 'The request is invalid.', issue?.property);
}

/** A handler that reads a JSON object body and validates it against the operation's schema in mock-admin.yaml. */
const withBody =
  <Op extends BodyOperation>(
    http: Http,
    operation: Op,
    handler: (body: BodyOf<Op>, c: Context) => Promise<Response>,
  ) =>
  async (c: Context) => {
    const body = await jsonObject(http, c);
    if (body instanceof Response) return body;
    const validate = adminValidators(http.core.options.allowLocalCallbacks).body[
      operation
    ] as CompiledValidator;
    return validate(body) ? handler(body as BodyOf<Op>, c) : invalid(http, validate);
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

/** GET /__mock/config: the admin spec's `MockConfig`. */
function configView(http: Http): AdminSchemas['MockConfig'] {
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
  // Bodies over 1 MiB answer 413 in the envelope, declared or streamed (the Node entry refuses a declared one first).
  const tooLarge = () => http.fail('request_too_large', `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
  app.use('/__mock/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge }));
  app.get('/__mock', () =>
    http.json({ routes: ADMIN_ROUTES.map(([method, path, what]) => ({ method, path, what })) }),
  );
  app.get('/__mock/config', () => http.json(configView(http)));
  app.get('/__mock/tasks', async (c) => {
    const validate = adminValidators(false).query.listMockTasks;
    const params: Record<string, unknown> = { ...c.req.query() };
    if (!validate(params)) return invalid(http, validate);
    const { status, limit, api_key } = params;
    const page = await core.listTasks({ status: status ?? null, apiKey: api_key ?? null, limit });
    const data = await Promise.all(page.items.map(({ task }) => core.view(task)));
    return http.json({ data, total: page.total });
  });
  app.get('/__mock/tasks/:id', async (c) => http.answer(await core.adminTask(c.req.param('id'))));
  app.post('/__mock/tasks/:id/cancel', async (c) => http.answer(await core.cancel(c.req.param('id'))));
  app.post(
    '/__mock/tasks/:id/redeliver',
    withBody(http, 'redeliverMockTask', async (body, c) => {
      const mutate = body.mutate ?? 'none';
      const result = await core.redeliver(c.req.param('id') as string, mutate, body.url);
      return http.answer(result, ({ taskId, webhookId, url }) =>
        http.json({ taskId, webhookId, mutate, url }, 202),
      );
    }),
  );
  registerClockAndDeliveries(app, http);
  registerFaultsAndCredits(app, http);
  registerChaos(app, http);
  app.post(
    '/__mock/seed',
    withBody(http, 'seedTasks', async (body) => {
      return http.answer(await core.seed(body), (data) => http.json({ data }, 201));
    }),
  );
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
    withBody(http, 'advanceMockClock', async (body) => {
      return http.answer(await core.advanceClock(body.ms));
    }),
  );
  app.post(
    '/__mock/clock/set',
    withBody(http, 'setMockClock', async (body) => http.answer(await core.setClock(body.at))),
  );
  app.post(
    '/__mock/clock/scale',
    withBody(http, 'scaleMockClock', async (body) => http.answer(await core.scaleClock(body.factor))),
  );
  app.post('/__mock/clock/pause', async () => http.answer(await core.pauseClock(true)));
  app.post('/__mock/clock/resume', async () => http.answer(await core.pauseClock(false)));
  app.post('/__mock/clock/reset', async () => http.answer(await core.resetClock()));
  app.get('/__mock/deliveries', async (c) => {
    const taskId = c.req.query('task_id');
    return http.json({ data: await core.listDeliveries(taskId ? { taskId } : {}) });
  });
  app.post(
    '/__mock/deliveries/idle',
    withBody(http, 'waitForMockDeliveries', async (body) => {
      return http.json(await core.waitIdle(body.timeoutMs ?? 5000));
    }),
  );
}

function registerFaultsAndCredits(app: Hono, http: Http): void {
  const { core } = http;
  app.get('/__mock/faults', async () => http.json({ data: await core.listFaults() }));
  app.post(
    '/__mock/faults',
    withBody(http, 'injectMockFault', async (body) => {
      const result = await core.addFault(pickFault(body));
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
    withBody(http, 'setMockCredits', async (body) => {
      return http.answer(await core.setCredits(body.apiKey, body.credits));
    }),
  );
  app.get('/__mock/models', async () =>
    http.json({ data: (await core.modelStatuses()).map(modelStateEntry) }),
  );
  app.post(
    '/__mock/models',
    withBody(http, 'setMockModelState', async (body) => {
      const result = await core.setModelState(body.model, body.state);
      if (!result.ok) return http.refused(result);
      const data = (await core.modelStatuses()).map(modelStateEntry);
      return http.json({ model: modelStateEntry(result.value), data });
    }),
  );
}

/** The chaos profile in force: read it, put one in force, or none. */
function registerChaos(app: Hono, http: Http): void {
  const { core } = http;
  app.get('/__mock/chaos', async () => http.json(await core.chaos()));
  app.put(
    '/__mock/chaos',
    withBody(http, 'setMockChaos', async (body) => http.answer(await core.setChaos(body.profile, body.seed))),
  );
  app.delete('/__mock/chaos', async () => http.json(await core.clearChaos()));
}

/** The fault's own fields (extra body fields are ignored). */
function pickFault(body: FaultSpec): FaultSpec {
  const spec: FaultSpec = {};
  for (const field of ['status', 'count', 'delayMs', 'retryAfter', 'path'] as const) {
    if (body[field] !== undefined) (spec as Record<string, unknown>)[field] = body[field];
  }
  return spec;
}
