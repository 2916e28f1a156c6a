import { describe, expect, test } from 'vitest';
import { spec } from './index.js';
import { createSpecValidator, deref } from './validator.js';

const example = <T>(name: string): T =>
  structuredClone(deref<{ value: T }>(spec, spec.components.examples?.[name]).value);

describe('requestBody(createVideoGeneration)', () => {
  const strict = createSpecValidator();
  const validate = strict.requestBody('createVideoGeneration');
  const base = { model: 'sora-2', prompt: 'A cat playing piano' };

  test.each([
    ['model missing', { prompt: 'x' }, 'model', 'required'],
    ['prompt missing', { model: 'sora-2' }, 'prompt', 'required'],
    ['another model', { ...base, model: 'veo-3' }, 'model', 'enum'],
    ['empty prompt', { ...base, prompt: '' }, 'prompt', 'minLength'],
    ['prompt of 1001 characters', { ...base, prompt: 'x'.repeat(1001) }, 'prompt', 'maxLength'],
    ['aspect ratio 1:1', { ...base, aspect_ratio: '1:1' }, 'aspect_ratio', 'enum'],
    [
      'two images',
      { ...base, image_urls: ['https://a.example/1.png', 'https://a.example/2.png'] },
      'image_urls',
      'maxItems',
    ],
    ['a gif image', { ...base, image_urls: ['https://a.example/1.gif'] }, 'image_urls', 'pattern'],
    ['an ftp image', { ...base, image_urls: ['ftp://a.example/1.png'] }, 'image_urls', 'pattern'],
    ['watermark as a string', { ...base, remove_watermark: 'yes' }, 'remove_watermark', 'type'],
    ['duration 5', { ...base, duration: 5 }, 'duration', 'enum'],
    ['duration "10"', { ...base, duration: '10' }, 'duration', 'type'],
    ['http callback', { ...base, callback_url: 'http://hooks.example.com/x' }, 'callback_url', 'pattern'],
    [
      'callback of 2049 characters',
      { ...base, callback_url: `https://h.example.com/${'a'.repeat(2049 - 22)}` },
      'callback_url',
      'maxLength',
    ],
    ['a body that is an array', [base], undefined, 'type'],
  ])('%s is refused, naming the field', (_name, body, property, keyword) => {
    expect(validate(body)).toBe(false);
    expect(validate.issues[0]).toMatchObject({ property, keyword });
    expect(validate.issues[0]?.message).toMatch(property ?? 'body');
  });

  test('messages say the rule in words', () => {
    validate({ ...base, prompt: 'x'.repeat(1001) });
    expect(validate.issues[0]?.message).toBe('prompt must be at most 1000 characters');
    validate({ ...base, image_urls: ['https://a.example/1.gif'] });
    expect(validate.issues[0]?.message).toBe(
      'image_urls[0] must be an http(s) URL whose path ends in .jpg, .jpeg, .png or .webp',
    );
  });

  test.each([
    ['the shortest valid body', base],
    ['a prompt of exactly 1000 characters', { ...base, prompt: 'é'.repeat(1000) }],
    [
      'an upper-case image extension with a query',
      { ...base, image_urls: ['HTTPS://a.example/x.JPEG?sig=1'] },
    ],
    ['a webp image over http', { ...base, image_urls: ['http://a.example/x.webp'] }],
    ['unknown extra fields', { ...base, seed: 7, extra: { nested: true } }],
    [
      'a callback of exactly 2048 characters',
      { ...base, callback_url: `https://h.example.com/${'a'.repeat(2048 - 22)}` },
    ],
  ])('%s is accepted', (_name, body) => {
    expect(validate(body), JSON.stringify(validate.issues)).toBe(true);
  });

  test('with useDefaults, the documented defaults are filled in', () => {
    const body: Record<string, unknown> = { ...base };
    expect(createSpecValidator({ useDefaults: true }).requestBody('createVideoGeneration')(body)).toBe(true);
    expect(body).toEqual({ ...base, aspect_ratio: '16:9', remove_watermark: true, duration: 10 });
  });

  test('without useDefaults, the body is left as it was', () => {
    const body = { ...base };
    validate(body);
    expect(body).toEqual(base);
  });
});

describe('task schemas', () => {
  const validator = createSpecValidator();
  const task = validator.schema('VideoTask');

  test('each state example is a VideoTask', () => {
    for (const name of ['PendingTask', 'ProcessingTask', 'CompletedTask', 'FailedTask', 'CancelledTask']) {
      expect(task(example(name)), name).toBe(true);
    }
  });

  test('results only when completed, error only when failed', () => {
    const completed = example<Record<string, unknown>>('CompletedTask');
    delete completed.results;
    expect(task(completed)).toBe(false);

    const pending = {
      ...example<Record<string, unknown>>('PendingTask'),
      results: ['https://x.example/v.mp4'],
    };
    expect(task(pending)).toBe(false);

    const failed = example<Record<string, unknown>>('FailedTask');
    delete failed.error;
    expect(task(failed)).toBe(false);

    const processing = {
      ...example<Record<string, unknown>>('ProcessingTask'),
      error: example<{ error: unknown }>('FailedTask').error,
    };
    expect(task(processing)).toBe(false);
  });

  test('a finished task can no longer be cancelled', () => {
    const completed = example<{ task_info: { can_cancel: boolean } }>('CompletedTask');
    completed.task_info.can_cancel = true;
    expect(task(completed)).toBe(false);
  });

  test('ids, progress and failure codes are checked', () => {
    expect(task({ ...example<object>('PendingTask'), id: 'task-unified-1-ABCDEFGH' })).toBe(false);
    expect(task({ ...example<object>('ProcessingTask'), progress: 101 })).toBe(false);
    const failed = example<{ error: { code: string } }>('FailedTask');
    failed.error.code = 'made_up_code';
    expect(task(failed)).toBe(false);
  });

  test('the callback body is a finished task only', () => {
    const body = validator.webhookBody('taskFinished');
    expect(body(example('CompletedTask'))).toBe(true);
    expect(body(example('FailedTask'))).toBe(true);
    expect(body(example('PendingTask'))).toBe(false);
  });
});

describe('response(operationId, status)', () => {
  const validator = createSpecValidator();

  test('picks the documented status, then the default response', () => {
    const notFound = validator.response('getTaskDetail', 404);
    expect(notFound?.(example('TaskNotFoundError'))).toBe(true);
    expect(notFound?.({ message: 'not the envelope' })).toBe(false);
    const unexpected = validator.response('getTaskDetail', 405);
    expect(unexpected?.(example('MethodNotAllowedError'))).toBe(true);
  });

  test('the error envelope accepts both documented forms of code', () => {
    const badRequest = validator.response('createVideoGeneration', 400);
    expect(badRequest?.(example('PromptTooLongError'))).toBe(true);
    expect(badRequest?.(example('LegacyBadRequestError'))).toBe(true);
    expect(badRequest?.({ error: { code: 1.5, message: 'x', type: 'invalid_request_error' } })).toBe(false);
  });

  test('credits balance', () => {
    const credits = validator.response('getCredits', 200);
    expect(credits?.(example('Credits'))).toBe(true);
    expect(credits?.({ data: {}, success: true })).toBe(false);
  });

  test('unknown operations and schemas are programming errors', () => {
    expect(() => validator.response('deleteTask', 200)).toThrow(/No operation deleteTask/);
    expect(() => validator.schema('Nope')).toThrow(/No schema Nope/);
  });
});
