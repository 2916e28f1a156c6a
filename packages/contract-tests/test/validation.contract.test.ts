// Validation: each documented rule of the create body, broken once, answers 400 naming the field.
import { BadRequestError, NotFoundError } from '@videotask/client';
import type { Schemas } from '@videotask/spec';
import { describe, expect, test } from 'vitest';
import { client, recorder, smokeBody, target } from '../src/harness.js';
import { notServedReason } from '../src/served.js';
import { forbiddenCallbackUrls, schemaViolations } from '../src/violations.js';

// The strict server: on the mock target, the one that does not relax the callback host rules.
const post = (body: string, headers: Record<string, string> = {}) =>
  recorder.fetch(`${target.strictBaseUrl}/v1/videos/generations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${target.apiKey}`, 'content-type': 'application/json', ...headers },
    body,
  });

async function expectBadRequest(response: Response, param: string | undefined) {
  expect(response.status).toBe(400);
  const { error } = (await response.json()) as Schemas['ErrorResponse'];
  expect(error.type).toBe('invalid_request_error');
  if (param !== undefined) expect(error.param).toBe(param);
  expect(error.message.length).toBeGreaterThan(0);
}

describe.skipIf(!target.available)(`create body validation (${target.name})`, () => {
  // Derived from each model's schema in the spec: a new model or rule there is a new row here.
  // A model the target does not serve answers 403 before it reads the body: its rows are skipped,
  // and the skipped test's name says why.
  const rows = schemaViolations().map((v) => {
    const reason = v.param === 'model' ? undefined : notServedReason(target.models, v.model, target.name);
    return [v.model, v.rule, reason ? ` (skipped: ${reason})` : '', v, reason] as const;
  });
  for (const [model, rule, note, violation, reason] of rows) {
    test.skipIf(reason !== undefined)(`${model} ${rule} → 400${note}`, async () => {
      await expectBadRequest(await post(JSON.stringify(violation.body)), violation.param);
    });
  }

  // Rules a schema cannot say: the callback host must not be loopback, private or link-local.
  test.each(forbiddenCallbackUrls)('callback_url %s → 400', async (url) => {
    await expectBadRequest(await post(JSON.stringify(smokeBody({ callback_url: url }))), 'callback_url');
  });

  test('malformed JSON → 400', async () => {
    await expectBadRequest(await post('{"model": "sora-2", "prompt": '), undefined);
  });

  test('a JSON body that is not an object → 400', async () => {
    await expectBadRequest(await post('["sora-2"]'), undefined);
  });

  test('the client raises BadRequestError with param', async () => {
    const error = await client()
      .createVideo(smokeBody({ prompt: 12345 }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, param: 'prompt' });
  });
});

describe.skipIf(!target.available)(`task ids (${target.name})`, () => {
  test.each(['abc', 'task-1757169743-7cvnl5zw', 'TASK-UNIFIED-1757169743-7cvnl5zw'])(
    'a malformed id (%s) → 400 with param task_id',
    async (id) => {
      const { response, error } = await client().raw.GET('/v1/tasks/{task_id}', {
        params: { path: { task_id: id } },
      });
      expect(response.status).toBe(400);
      expect(error?.error.param).toBe('task_id');
    },
  );

  test('an unknown id → 404', async () => {
    const error = await client()
      .getTask('task-unified-1757169743-zzzzzzzz')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404 });
  });
});
