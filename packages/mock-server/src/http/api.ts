// The public API routes, adapters over the core: POST /v1/videos/generations, GET /v1/tasks/{task_id},
// GET /v1/tasks, POST /v1/tasks/batch, GET /v1/credits, GET /v1/models, the catalog (catalog.ts),
// GET /files/<id>.mp4. They read and validate the request; the core decides.
import type { Context, Hono } from 'hono';
import { parseTaskBatch, parseTaskListQuery } from '../core/caller-tasks.js';
import { modelList } from '../core/catalog.js';
import { parseCreate } from '../core/create-input.js';
import { type Refusal, refuse } from '../core/result.js';
import { SCENARIO_HEADER } from '../domain/scenarios.js';
import { TRACEPARENT_HEADER } from '../domain/trace-context.js';
import { requestValidators } from '../domain/validation.js';
import type { Http } from './answer.js';
import { registerCatalog } from './catalog.js';
import { serveBytes, videoFor } from './files.js';
import { bearerToken, MAX_BODY_BYTES, readBodyLimited } from './respond.js';
import { createSecretMatcher } from './secure-compare.js';

type Handler = (c: Context) => Response | Promise<Response>;

type ApiHandler = (c: Context, apiKey: string) => Response | Promise<Response>;

/**
 * Wraps an API handler: the next injected fault first if one applies, then the chaos gateway's draw
 * (a `before` fault answers here; an `after` one once the handler has run, its answer dropped), then
 * the bearer key (checked in constant time: a comparison that stops at the first differing character
 * can be timed) and the rate limit. With no faults, chaos or rate limit the handler runs without an
 * extra await (the fast path).
 */
function apiRoute(http: Http): (handler: ApiHandler) => Handler {
  const { core } = http;
  const keyMatches = core.options.apiKeys ? createSecretMatcher(core.options.apiKeys) : null;
  const keyOf = (c: Context) => {
    const key = bearerToken(c.req.header('authorization'));
    return key === null || (keyMatches !== null && !keyMatches(key)) ? null : key;
  };
  const admitted = async (c: Context, handler: ApiHandler): Promise<Response> => {
    const key = keyOf(c);
    if (key === null) return http.fail('unauthorized');
    const admission = await core.admit(key);
    return admission.ok ? handler(c, key) : http.refused(admission);
  };
  const guarded = async (c: Context, handler: ApiHandler): Promise<Response> => {
    const fault = await core.injectedFault(c.req.path);
    if (fault) return http.refused(fault);
    const chaos = await core.gatewayChaos();
    if (!chaos) return admitted(c, handler);
    if (chaos.when === 'before') return http.refused(chaos.refusal);
    // The API handled it (a create is stored and charged); the gateway lost the answer.
    const lost = await admitted(c, handler);
    await lost.body?.cancel();
    return http.refused(chaos.refusal);
  };
  return (handler) => (c) => {
    if (core.store.mayHaveFaults || core.options.rateLimit !== null || core.chaosMayApply)
      return guarded(c, handler);
    const key = keyOf(c);
    return key === null ? http.fail('unauthorized') : handler(c, key);
  };
}

export function registerApi(app: Hono, http: Http): void {
  const { core } = http;
  const route = apiRoute(http);

  app.post(
    '/v1/videos/generations',
    route(async (c, apiKey) => {
      const request = {
        apiKey,
        body: await readJson(c),
        idempotencyKey: c.req.header('idempotency-key') ?? null,
        scenario: c.req.header(SCENARIO_HEADER) ?? null,
        traceparent: c.req.header(TRACEPARENT_HEADER) ?? null,
      };
      const input = parseCreate(request, core.options.allowLocalCallbacks);
      if (!input.ok) return http.refused(input);
      return http.answer(await core.create(input.value), ({ task, replayed }) =>
        replayed ? http.json(task, 200, { 'idempotency-replayed': 'true' }) : http.json(task),
      );
    }),
  );

  registerTaskReads(app, http, route);

  app.get(
    '/v1/credits',
    route(async (_c, apiKey) => http.json(await core.credits(apiKey))),
  );

  app.get(
    '/v1/models',
    route(async () => http.json(modelList(await core.modelStatuses()))),
  );

  registerCatalog(app, http);

  registerFiles(app, http);
}

/** The caller's own tasks: a page of them, a batch by id, one by id. */
function registerTaskReads(app: Hono, http: Http, route: ReturnType<typeof apiRoute>): void {
  const { core } = http;
  const validators = requestValidators();
  app.get(
    '/v1/tasks',
    route(async (c, apiKey) => {
      const query = parseTaskListQuery(c.req.query());
      return query.ok ? http.answer(await core.callerTasks(apiKey, query.value)) : http.refused(query);
    }),
  );

  app.post(
    '/v1/tasks/batch',
    route(async (c, apiKey) => {
      const ids = parseTaskBatch(await readJson(c));
      return ids.ok ? http.answer(await core.tasksBatch(apiKey, ids.value)) : http.refused(ids);
    }),
  );

  app.get(
    '/v1/tasks/:task_id',
    route((c, apiKey) => {
      const id = c.req.param('task_id') ?? '';
      const invalid = validators.taskId(id);
      if (invalid) return http.fail('invalid_task_id', invalid, 'task_id');
      const result = core.task(apiKey, id);
      return result instanceof Promise ? result.then((r) => http.answer(r)) : http.answer(result);
    }),
  );
}

/** GET /files/<id>.mp4: result URLs are links to hand around (like the vendor's signed file URLs), no key needed. */
function registerFiles(app: Hono, http: Http): void {
  const { core } = http;
  app.get('/files/:file', async (c) => {
    const file = c.req.param('file');
    const id = file.endsWith('.mp4') ? file.slice(0, -4) : '';
    const task = id ? await core.completedTask(id) : undefined;
    if (!task) {
      return http.fail('not_found', `No video ${file}: the task is unknown, unfinished, failed or expired.`);
    }
    const { status, headers, body } = serveBytes(videoFor(task.aspectRatio), c.req.header('range'));
    headers['cache-control'] = 'private, max-age=3600';
    return http.send(body as BodyInit | null, status, headers);
  });
}

/** The body as JSON, or the refusal: 413 over the limit, 400 when not JSON. */
async function readJson(c: Context): Promise<unknown | Refusal> {
  const text = await readBodyLimited(c.req.raw);
  if (text === null) return refuse('request_too_large', `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
  try {
    return JSON.parse(text);
  } catch {
    return refuse('invalid_request', 'The request body is not valid JSON.');
  }
}
