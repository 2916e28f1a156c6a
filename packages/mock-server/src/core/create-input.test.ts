// Reading a create request: the header checks first, then the body against the spec, then image URLs.
import { describe, expect, test } from 'vitest';
import { canonicalJson, parseCreate } from './create-input.js';
import { refuse } from './result.js';

const SORA = { model: 'sora-2', prompt: 'x' };
/** sora-2's body once the spec's defaults are filled in. */
const SORA_FILLED = { ...SORA, aspect_ratio: '16:9', remove_watermark: true, duration: 10 };
const parse = (
  body: unknown,
  extra: { idempotencyKey?: string; scenario?: string; traceparent?: string } = {},
  local = false,
) => parseCreate({ apiKey: 'k', body, ...extra }, local);

describe('canonicalJson', () => {
  test('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });

  test.each([
    [null, 'null'],
    [undefined, 'null'],
    ['s', '"s"'],
    [0, '0'],
    [[], '[]'],
    [{}, '{}'],
  ])('%j reads as %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });
});

describe('parseCreate', () => {
  test('a valid body with the spec defaults filled in; no key, no fingerprint, no traceparent', () => {
    expect(parse(SORA)).toEqual({
      ok: true,
      value: {
        apiKey: 'k',
        body: SORA_FILLED,
        scenario: null,
        idempotencyKey: null,
        fingerprint: null,
        traceparent: null,
      },
    });
  });

  test('a traceparent header is passed on as sent, even an invalid one (the core ignores that one)', () => {
    expect(parse(SORA, { traceparent: 'nonsense' })).toMatchObject({
      ok: true,
      value: { traceparent: 'nonsense' },
    });
  });

  test('with an Idempotency-Key, the fingerprint is the canonical filled-in body; the scenario is parsed', () => {
    const parsed = parse(SORA, { idempotencyKey: 'abc', scenario: 'slow' });
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        idempotencyKey: 'abc',
        scenario: { slow: true, raw: 'slow' },
        fingerprint:
          '{"aspect_ratio":"16:9","duration":10,"model":"sora-2","prompt":"x","remove_watermark":true}',
      },
    });
  });

  test.each([
    ['', 'Idempotency-Key must not be empty'],
    ['a'.repeat(256), 'Idempotency-Key must be at most 255 characters'],
  ])('Idempotency-Key %j is refused on the header', (key, message) => {
    expect(parse(SORA, { idempotencyKey: key })).toEqual(
      refuse('invalid_request', message, 'Idempotency-Key'),
    );
  });

  test('a key of 255 characters is accepted', () => {
    expect(parse(SORA, { idempotencyKey: 'a'.repeat(255) }).ok).toBe(true);
  });

  test('a bad scenario is refused on its header, before the body is looked at', () => {
    const parsed = parse({}, { scenario: 'boom' });
    expect(parsed).toMatchObject({ ok: false, code: 'invalid_request', param: 'x-mock-scenario' });
    expect(parsed.ok ? '' : parsed.message).toMatch(/^x-mock-scenario: unknown scenario "boom"/);
  });

  test('a body that could not be read is answered as it came, after the header checks', () => {
    const unreadable = refuse('request_too_large', 'too big');
    expect(parse(unreadable)).toBe(unreadable);
    expect(parse(unreadable, { idempotencyKey: '' })).toMatchObject({ param: 'Idempotency-Key' });
  });

  test.each([[{ ok: false }], [{ code: 'request_too_large' }]])(
    'an object that merely has %j is a body like any other',
    (body) => {
      expect(parse(body)).toMatchObject({ ok: false, code: 'invalid_request', param: 'model' });
    },
  );

  test.each([[undefined], ['text'], [5]])('a body of %j is refused as not an object', (body) => {
    expect(parse(body)).toEqual(refuse('invalid_request', 'body must be of type object', undefined));
  });

  test.each([
    [{ ...SORA, duration: 7 }, 'sora-2: duration must be one of: 10, 15', 'duration'],
    [{ model: 'sora-2' }, 'sora-2: prompt is required', 'prompt'],
    [{ prompt: 'x' }, 'model is required', 'model'],
    [null, 'body must be of type object', undefined],
  ])('%j is refused with the rule (and whose it is)', (body, message, param) => {
    expect(parse(body)).toEqual(refuse('invalid_request', message, param));
  });

  test('an unknown model is refused without naming it as the rule owner', () => {
    const parsed = parse({ model: 'nope', prompt: 'x' });
    expect(parsed).toMatchObject({ ok: false, param: 'model' });
    expect(parsed.ok ? '' : parsed.message).toMatch(/^model must be one of: sora-2, /);
  });

  test('callback_url over http is refused unless local callbacks are allowed', () => {
    const body = { ...SORA, callback_url: 'http://127.0.0.1/x' };
    expect(parse(body)).toEqual(
      refuse('invalid_request', 'sora-2: callback_url must be an https:// URL', 'callback_url'),
    );
    expect(parse(body, {}, true)).toMatchObject({
      ok: true,
      value: { body: { callback_url: body.callback_url } },
    });
  });

  test.each([
    [
      ['https://a.example/x.jpg', 'https://b.example/y.gif'],
      'image_urls[1] must be a URL whose path ends in .jpg, .jpeg, .png or .webp',
    ],
    [['not a url'], 'image_urls[0] must be a valid URL'],
  ])('image URLs the schema lets through are checked one by one: %j', (urls, message) => {
    const body = { model: 'kling-o3-text-to-video', prompt: 'x', image_urls: urls };
    expect(parse(body)).toEqual(refuse('invalid_request', message, 'image_urls'));
  });

  test('good image URLs pass', () => {
    const body = { model: 'kling-o3-text-to-video', prompt: 'x', image_urls: ['https://a.example/x.jpg'] };
    expect(parse(body).ok).toBe(true);
  });
});
