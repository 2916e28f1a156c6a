// The API routes: POST /v1/videos/generations, GET /v1/tasks/{task_id}, GET /v1/credits, GET /files/<id>.mp4.
import type { Context, Hono } from 'hono';
import type { CreateBody, MockCore } from './core.js';
import { codeForStatus } from './errors.js';
import { serveBytes, videoFor } from './files.js';
import { stateAt } from './lifecycle.js';
import { priceMilli } from './prices.js';
import { bearerToken, canonicalJson, MAX_BODY_BYTES, readBodyLimited } from './respond.js';
import { parseScenario, SCENARIO_HEADER } from './scenarios.js';
import { createSecretMatcher } from './secure-compare.js';
import { checkImageUrl, requestValidators } from './validation.js';

export function registerApi(app: Hono, core: MockCore): void {
  const validators = requestValidators();
  const createValidator = core.options.allowLocalCallbacks
    ? validators.createBodyLocal
    : validators.createBody;
  // Keys are checked in constant time: a comparison that stops at the first differing character can be timed.
  const keyMatches = core.options.apiKeys ? createSecretMatcher(core.options.apiKeys) : null;

  /** Runs an API handler, after the next injected fault if one applies (fast path: none). */
  type Handler = (c: Context) => Response | Promise<Response>;
  const faultable =
    (handler: Handler): Handler =>
    (c) =>
      core.faults.size ? withFault(c, handler) : handler(c);
  async function withFault(c: Context, handler: Handler): Promise<Response> {
    const fault = core.faults.take(c.req.path);
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (!fault?.status) return handler(c);
    core.options.logger?.(`${c.req.method} ${c.req.path}: injected fault ${fault.status}`);
    const headers: Record<string, string> = { 'x-mock-fault': 'injected' };
    if (fault.status !== 500) headers['retry-after'] = String(fault.retryAfter ?? 1);
    return core.fail(codeForStatus(fault.status), undefined, undefined, headers);
  }

  /** The caller's API key, or the 401/429 answer. */
  function authenticate(c: Context): string | Response {
    const key = bearerToken(c.req.header('authorization'));
    if (key === null || (keyMatches !== null && !keyMatches(key))) return core.fail('unauthorized');
    if (core.rateLimiter) {
      const wait = core.rateLimiter.take(key, core.now());
      if (wait) {
        return core.fail(
          'rate_limit_exceeded',
          `Too many requests; retry after ${wait} second${wait === 1 ? '' : 's'}.`,
          undefined,
          {
            'retry-after': String(wait),
          },
        );
      }
    }
    return key;
  }

  app.post(
    '/v1/videos/generations',
    faultable(async (c) => {
      const apiKey = authenticate(c);
      if (typeof apiKey !== 'string') return apiKey;

      const idempotencyKey = c.req.header('idempotency-key') ?? null;
      if (idempotencyKey !== null && !validators.idempotencyKey(idempotencyKey)) {
        const issue = validators.idempotencyKey.issues[0];
        return core.fail(
          'invalid_request',
          issue?.message.replace(/^body\b/, 'Idempotency-Key'),
          'Idempotency-Key',
        );
      }
      const scenarioHeader = c.req.header(SCENARIO_HEADER);
      const scenario = scenarioHeader === undefined ? null : parseScenario(scenarioHeader);
      if (typeof scenario === 'string') return core.fail('invalid_request', scenario, SCENARIO_HEADER);

      const text = await readBodyLimited(c.req.raw);
      if (text === null)
        return core.fail('request_too_large', `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return core.fail('invalid_request', 'The request body is not valid JSON.');
      }
      if (!createValidator(body)) {
        const issue = createValidator.issues[0];
        return core.fail(
          'invalid_request',
          issue?.message ?? 'The request body is invalid.',
          issue?.property,
        );
      }
      const request = body as CreateBody;
      for (const [i, url] of (request.image_urls ?? []).entries()) {
        const problem = checkImageUrl(url);
        if (problem) return core.fail('invalid_request', `image_urls[${i}] ${problem}`, 'image_urls');
      }
      if (request.callback_url !== undefined) {
        const check = core.checkCallbackUrl(request.callback_url);
        if (!check.ok) return core.fail('invalid_request', `callback_url ${check.reason}`, 'callback_url');
      }

      let fingerprint: string | null = null;
      if (idempotencyKey !== null) {
        fingerprint = canonicalJson(request);
        const earlier = core.store.byIdempotencyKey(apiKey, idempotencyKey, core.now());
        if (earlier) {
          if (earlier.fingerprint !== fingerprint) {
            return core.fail(
              'idempotency_conflict',
              'This Idempotency-Key was used with a different request body.',
            );
          }
          core.billing.settleDue(core.now());
          return core.json(core.render(earlier), 200, { 'idempotency-replayed': 'true' });
        }
      }

      const remaining = core.remainingMilli(apiKey);
      const price = priceMilli(request.duration, request.remove_watermark);
      if (remaining < price) {
        return core.fail(
          'insufficient_quota',
          `This task needs ${price / 1000} credits; ${Math.max(0, remaining) / 1000} remain.`,
        );
      }
      const task = core.createTask({ apiKey, body: request, scenario, idempotencyKey, fingerprint });
      core.options.logger?.(
        `task ${task.id} created (${task.outcome}${task.failureCode ? ` ${task.failureCode}` : ''})`,
      );
      return core.json(core.render(task));
    }),
  );

  app.get(
    '/v1/tasks/:task_id',
    faultable((c) => {
      const apiKey = authenticate(c);
      if (typeof apiKey !== 'string') return apiKey;
      const id = c.req.param('task_id') ?? '';
      if (!validators.taskId(id)) {
        const issue = validators.taskId.issues[0];
        return core.fail('invalid_task_id', issue?.message.replace(/^body\b/, 'task_id'), 'task_id');
      }
      const task = core.taskFor(apiKey, id);
      if (!task) return core.fail('task_not_found', `No task ${id} for this API key.`, 'task_id');
      return core.json(core.render(task));
    }),
  );

  app.get(
    '/v1/credits',
    faultable((c) => {
      const apiKey = authenticate(c);
      if (typeof apiKey !== 'string') return apiKey;
      core.billing.settleDue(core.now());
      return core.json(core.billing.view(apiKey));
    }),
  );

  // Result URLs are links to hand around (like the vendor's signed file URLs): no API key needed.
  app.get('/files/:file', (c) => {
    const file = c.req.param('file');
    const id = file.endsWith('.mp4') ? file.slice(0, -4) : '';
    const now = core.now();
    const task = id ? core.store.get(id, now) : undefined;
    if (!task || stateAt(task, now).status !== 'completed') {
      return core.fail('not_found', `No video ${file}: the task is unknown, unfinished, failed or expired.`);
    }
    const { status, headers, body } = serveBytes(videoFor(task.aspectRatio), c.req.header('range'));
    headers['cache-control'] = 'private, max-age=3600';
    return core.send(body as BodyInit | null, status, headers);
  });
}
