// Property: every create body the spec's schema calls valid is accepted — 200 and a pending task that
// reflects the body (defaults filled from the schema's `default`s) — whatever else it carries.
import { BlockList } from 'node:net';
import { modelEntry, priceUc, UC_PER_CREDIT } from '@videotask/spec';
import { createSpecValidator } from '@videotask/spec/validator';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { createMockServer } from '../../src/index.js';
import { START } from '../helpers.js';
import { createBodySchema, fcParameters, parameterSchema, specValidator, videoTask } from './fuzz-support.js';
import { schemaArbitrary } from './schema-arbitrary.js';

// sora-2's prices as the seed documents state them; other models' from their profile's formula.
const SORA_2_PRICES: Record<string, number> = {
  '10:false': 2.3,
  '10:true': 3.737,
  '15:false': 3.737,
  '15:true': 5.175,
};
const requestSchema = specValidator.compile(createBodySchema);
const withDefaults = createSpecValidator({ useDefaults: true }).compile(createBodySchema);
/** The body as the spec's defaults complete it (the model's schema, its cross-field rules too). */
function completed(body: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(body);
  if (!withDefaults(copy)) throw new Error(`not valid: ${withDefaults.issues[0]?.message}`);
  return copy;
}
function expectedCredits(body: Record<string, unknown>): number {
  if (body.model === 'sora-2') return SORA_2_PRICES[`${body.duration}:${body.remove_watermark}`] as number;
  const entry = modelEntry(String(body.model));
  if (!entry) throw new Error(`no model ${String(body.model)}`);
  return priceUc(entry.profile.price, body) / UC_PER_CREDIT;
}

// The rules the spec states in words (image_urls and callback_url descriptions), written here from
// that text with the platform's URL parser and node:net's BlockList, not with the mock's own checks:
// a valid URL the mock wrongly refuses must reach the server and fail the property.
const IMAGE_EXTENSION = /\.(jpe?g|png|webp)$/i;
const NOT_PUBLIC = new BlockList();
for (const [network, bits] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
  ['0.0.0.0', 32],
] as const)
  NOT_PUBLIC.addSubnet(network, bits, 'ipv4');
for (const [network, bits] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  NOT_PUBLIC.addSubnet(network, bits, 'ipv6');

function documentedImageProblem(raw: string): string | null {
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return 'not an http(s) URL';
  return IMAGE_EXTENSION.test(url.pathname) ? null : 'path without an image extension';
}

function documentedCallbackProblem(raw: string): string | null {
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (url?.protocol !== 'https:') return 'not an https URL';
  // The URL parser writes every numeric IPv4 spelling as dotted decimal and IPv6 in brackets.
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'localhost';
  const ipv6 = host.startsWith('[');
  const address = ipv6 ? host.slice(1, -1) : host;
  if ((ipv6 || /^\d+\.\d+\.\d+\.\d+$/.test(address)) && NOT_PUBLIC.check(address, ipv6 ? 'ipv6' : 'ipv4'))
    return 'loopback, private or link-local host';
  return null;
}

/** Why a generated body is not a valid request after all (null when it is). */
function invalidBecause(body: Record<string, unknown>): string | null {
  // Safety net 1: the schema itself (the generator should already guarantee this).
  if (!requestSchema(body)) return `schema: ${requestSchema.issues[0]?.message}`;
  // Safety net 2: the rules the spec states in words, checked independently of the mock.
  for (const url of (body.image_urls as string[] | undefined) ?? []) {
    const problem = documentedImageProblem(url);
    if (problem) return `image_urls: ${problem}`;
  }
  if (typeof body.callback_url === 'string') {
    const problem = documentedCallbackProblem(body.callback_url);
    if (problem) return `callback_url: ${problem}`;
  }
  return null;
}

const stats = { generated: 0, discarded: 0, reasons: new Map<string, number>() };
afterAll(() => {
  const rate = stats.generated ? (100 * stats.discarded) / stats.generated : 0;
  console.log(
    `create-valid: ${stats.generated} bodies generated, ${stats.discarded} discarded by the safety nets (${rate.toFixed(1)} %)`,
    Object.fromEntries(stats.reasons),
  );
});

const validBody = (schemaArbitrary(createBodySchema) as fc.Arbitrary<Record<string, unknown>>).filter(
  (body) => {
    stats.generated++;
    const reason = invalidBecause(body);
    if (reason === null) return true;
    stats.discarded++;
    const kind = reason.split(':')[0] as string;
    stats.reasons.set(kind, (stats.reasons.get(kind) ?? 0) + 1);
    return false;
  },
);

// Header values are HTTP field values: visible ASCII, no surrounding whitespace.
const idempotencyKey = schemaArbitrary(parameterSchema('createVideoGeneration', 'Idempotency-Key'), {
  stringUnit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
}) as fc.Arbitrary<string>;

describe('valid create bodies (generated from the spec) are always accepted', () => {
  const mock = createMockServer({
    clock: 'manual',
    startTime: START,
    seed: 'fuzz-create',
    credits: 1e9,
    // Tasks ending in the test never reach the network.
    fetch: async () => new Response(null, { status: 204 }),
  });
  afterAll(() => mock.close());

  test('200, a pending task that matches the body; a replay of its Idempotency-Key returns it', async () => {
    await fc.assert(
      fc.asyncProperty(validBody, fc.option(idempotencyKey, { nil: undefined }), async (body, key) => {
        const headers: Record<string, string> = {
          authorization: 'Bearer sk-fuzz',
          'content-type': 'application/json',
        };
        // A key must be new to this server, or it would replay an earlier (different) body.
        if (key !== undefined) headers['idempotency-key'] = `${key}`.slice(0, 200) + stats.generated;
        const init = { method: 'POST', headers, body: JSON.stringify(body) };
        const res = await mock.app.request('/v1/videos/generations', init);
        const text = await res.text();
        expect(res.status, text).toBe(200);
        const task = JSON.parse(text);
        expect(videoTask(task), JSON.stringify(videoTask.issues)).toBe(true);
        expect(task).toMatchObject({ status: 'pending', progress: 0, model: body.model });
        const full = completed(body);
        expect(task.task_info.video_duration).toBe(full.duration);
        expect(task.usage.credits_reserved).toBeCloseTo(expectedCredits(full), 9);
        const stored = await mock.tasks.get(task.id);
        expect(stored?.aspectRatio).toBe(full.aspect_ratio ?? '');
        expect(stored?.callbackUrl).toBe(body.callback_url ?? null);
        expect(stored?.imageToVideo).toBe(Boolean((body.image_urls as unknown[] | undefined)?.length));
        if (key !== undefined) {
          const replay = await mock.app.request('/v1/videos/generations', init);
          expect(replay.status).toBe(200);
          expect(replay.headers.get('idempotency-replayed')).toBe('true');
          expect((await replay.json()).id).toBe(task.id);
        }
      }),
      fcParameters(150),
    );
    // The safety nets must stay nets: a generator that mostly misses would test little.
    expect(stats.discarded / stats.generated).toBeLessThan(0.1);
  });
});
