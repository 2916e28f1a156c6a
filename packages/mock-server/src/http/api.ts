// The public API routes, adapters over the core: POST /v1/videos/generations, GET /v1/tasks/{task_id},
// GET /v1/credits, GET /files/<id>.mp4. They read and validate the request; the core decides.
import type { Context, Hono } from 'hono';
import type { CreateInput } from '../core/commands.js';
import type { CreateBody } from '../domain/create-body.js';
import { parseScenario, SCENARIO_HEADER } from '../domain/scenarios.js';
import type { Http } from './answer.js';
import { serveBytes, videoFor } from './files.js';
import { bearerToken, canonicalJson, MAX_BODY_BYTES, readBodyLimited } from './respond.js';
import { createSecretMatcher } from './secure-compare.js';
import { checkImageUrl, type RequestValidators, requestValidators } from './validation.js';

type Handler = (c: Context) => Response | Promise<Response>;

export function registerApi(app: Hono, http: Http): void {
  const { core } = http;
  const validators = requestValidators();
  // Keys are checked in constant time: a comparison that stops at the first differing character can be timed.
  const keyMatches = core.options.apiKeys ? createSecretMatcher(core.options.apiKeys) : null;

  /** The caller's API key (checked, rate-limited), or the 401/429 answer. */
  async function authenticate(c: Context): Promise<string | Response> {
    const key = bearerToken(c.req.header('authorization'));
    if (key === null || (keyMatches !== null && !keyMatches(key))) return http.fail('unauthorized');
    if (core.options.rateLimit === null) return key;
    const admitted = await core.admit(key);
    return admitted.ok ? key : http.refused(admitted);
  }

  /** Authenticates, then runs the handler — after the next injected fault if one applies (fast path: none). */
  const route =
    (handler: (c: Context, apiKey: string) => Response | Promise<Response>): Handler =>
    async (c) => {
      if (core.store.mayHaveFaults) {
        const fault = await core.injectedFault(c.req.path);
        if (fault) return http.refused(fault);
      }
      const apiKey = await authenticate(c);
      return typeof apiKey === 'string' ? handler(c, apiKey) : apiKey;
    };

  app.post(
    '/v1/videos/generations',
    route(async (c, apiKey) => {
      const input = await readCreate(c, http, validators, apiKey);
      if (input instanceof Response) return input;
      return http.answer(await core.create(input), ({ task, replayed }) =>
        replayed ? http.json(task, 200, { 'idempotency-replayed': 'true' }) : http.json(task),
      );
    }),
  );

  app.get(
    '/v1/tasks/:task_id',
    route(async (c, apiKey) => {
      const id = c.req.param('task_id') ?? '';
      if (!validators.taskId(id)) {
        const issue = validators.taskId.issues[0];
        return http.fail('invalid_task_id', issue?.message.replace(/^body\b/, 'task_id'), 'task_id');
      }
      return http.answer(await core.task(apiKey, id));
    }),
  );

  app.get(
    '/v1/credits',
    route(async (_c, apiKey) => http.json(await core.credits(apiKey))),
  );

  // Result URLs are links to hand around (like the vendor's signed file URLs): no API key needed.
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

/** Reads and validates a create request (headers, body against the spec, image URLs); a Response when refused. */
async function readCreate(
  c: Context,
  http: Http,
  validators: RequestValidators,
  apiKey: string,
): Promise<CreateInput | Response> {
  const idempotencyKey = c.req.header('idempotency-key') ?? null;
  if (idempotencyKey !== null && !validators.idempotencyKey(idempotencyKey)) {
    const issue = validators.idempotencyKey.issues[0];
    return http.fail(
      'invalid_request',
      issue?.message.replace(/^body\b/, 'Idempotency-Key'),
      'Idempotency-Key',
    );
  }
  const scenarioHeader = c.req.header(SCENARIO_HEADER);
  const scenario = scenarioHeader === undefined ? null : parseScenario(scenarioHeader);
  if (typeof scenario === 'string') return http.fail('invalid_request', scenario, SCENARIO_HEADER);
  const body = await readJson(c, http);
  if (body instanceof Response) return body;
  const validate = http.core.options.allowLocalCallbacks ? validators.createBodyLocal : validators.createBody;
  if (!validate(body)) {
    const issue = validate.issues[0];
    return http.fail('invalid_request', issue?.message ?? 'The request body is invalid.', issue?.property);
  }
  const request = body as CreateBody;
  for (const [i, url] of (request.image_urls ?? []).entries()) {
    const problem = checkImageUrl(url);
    if (problem) return http.fail('invalid_request', `image_urls[${i}] ${problem}`, 'image_urls');
  }
  const fingerprint = idempotencyKey === null ? null : canonicalJson(request);
  return { apiKey, body: request, scenario, idempotencyKey, fingerprint };
}

/** The body as JSON (413 over the limit, 400 when not JSON). */
async function readJson(c: Context, http: Http): Promise<unknown> {
  const text = await readBodyLimited(c.req.raw);
  if (text === null)
    return http.fail('request_too_large', `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
  try {
    return JSON.parse(text);
  } catch {
    return http.fail('invalid_request', 'The request body is not valid JSON.');
  }
}
