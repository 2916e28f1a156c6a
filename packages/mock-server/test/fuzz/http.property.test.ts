// Property: arbitrary requests — any method, path, headers, content type and body (JSON values, bytes,
// text, near-valid creates) — to every route of the mock never give a 5xx or a throw; every error
// answer is the documented envelope; and the server still answers a correct request correctly after.
// In process (app.request), on the manual clock, with a fake callback fetch (nothing leaves the process).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  createMockServer,
  type FaultSpec,
  type MockServer,
  type MockServerOptions,
} from '../../src/index.js';
import { START } from '../helpers.js';
import { createBodySchema, errorEnvelope, fcParameters, videoTask } from './fuzz-support.js';
import { schemaArbitrary } from './schema-arbitrary.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const API_KEY = 'sk-fuzz';
const ADMIN_TOKEN = 'adm-fuzz';

/** A task id that exists in every fuzzed server (created before the requests), and one completed. */
interface Fixture {
  mock: MockServer;
  running: string;
  completed: string;
}

const ID_PLACEHOLDER = '{id}';
const DONE_PLACEHOLDER = '{done}';

/** Every route the mock serves and the method it answers, with the known ids as placeholders, plus near misses. */
const ROUTES: [(typeof METHODS)[number], string][] = [
  ['POST', '/v1/videos/generations'],
  ['GET', `/v1/tasks/${ID_PLACEHOLDER}`],
  ['GET', `/v1/tasks/${DONE_PLACEHOLDER}`],
  ['GET', '/v1/tasks/task-unified-1735732800-zzzzzzzz'],
  ['GET', '/v1/credits'],
  ['GET', `/files/${DONE_PLACEHOLDER}.mp4`],
  ['GET', `/files/${ID_PLACEHOLDER}.mp4`],
  ['GET', '/openapi.json'],
  ['GET', '/docs'],
  ['GET', '/docs/'],
  ['GET', '/docs/assets/swagger-ui.css'],
  ['GET', '/__mock'],
  ['GET', '/__mock/config'],
  ['GET', '/__mock/tasks'],
  ['GET', `/__mock/tasks/${ID_PLACEHOLDER}`],
  ['POST', `/__mock/tasks/${ID_PLACEHOLDER}/cancel`],
  ['POST', `/__mock/tasks/${DONE_PLACEHOLDER}/redeliver`],
  ['GET', '/__mock/clock'],
  ['POST', '/__mock/clock/advance'],
  ['GET', '/__mock/deliveries'],
  ['POST', '/__mock/deliveries/idle'],
  ['GET', '/__mock/faults'],
  ['POST', '/__mock/faults'],
  ['DELETE', '/__mock/faults'],
  ['POST', '/__mock/credits'],
  ['POST', '/__mock/reset'],
  ['GET', '/__mock/ui'],
  ['GET', '/__mock/ui/assets/dashboard.js'],
  ['GET', '/__mock/ui/tasks'],
  ['GET', '/__mock/ui/view'],
  ['GET', `/__mock/ui/view/tasks/${ID_PLACEHOLDER}`],
  ['GET', '/__mock/ui/events'],
  ['GET', '/'],
];
const ROUTE_PATHS = ROUTES.map(([, p]) => p);

/** A path segment: a known word, anything percent-encoded, or raw oddities a URL parser keeps. */
const segment = fc.oneof(
  fc.constantFrom(
    'v1',
    'tasks',
    'files',
    '__mock',
    'ui',
    'docs',
    'x.mp4',
    '..',
    '.',
    '%',
    '%2F',
    '%00',
    '%ZZ',
    '',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme-ascii', maxLength: 8 }).map((s) => s.replace(/[#?\s\\]/g, '')),
);
const query = fc.option(
  fc
    .dictionary(
      fc.constantFrom('status', 'limit', 'api_key', 'task_id', 'offset', 'q', 'selected', 'token', 'x'),
      fc.oneof(fc.string({ unit: 'binary', maxLength: 10 }), fc.integer().map(String)),
      { maxKeys: 3 },
    )
    .map((q) => `?${new URLSearchParams(q)}`),
  { nil: '' },
);
const path = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...ROUTE_PATHS) },
      {
        weight: 1,
        arbitrary: fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => `/${s.join('/')}`),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...ROUTE_PATHS), segment)
          .map(([route, extra]) => `${route}/${extra}`),
      },
    ),
    query,
  )
  .map(([p, q]) => p + q);

/** Header values a real HTTP request can carry: visible ASCII and spaces, trimmed. */
const headerValue = fc
  .string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 })
  .map((s) => s.trim());
const headerName = fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,20}$/);
const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=xyz',
    'application/octet-stream',
    'application/merge-patch+json',
    '',
  ),
  headerValue,
);
const authorization = fc.oneof(
  { weight: 12, arbitrary: fc.constant(`Bearer ${API_KEY}`) },
  { weight: 1, arbitrary: fc.constant(`Bearer ${ADMIN_TOKEN}`) },
  { weight: 1, arbitrary: headerValue },
  { weight: 1, arbitrary: headerValue.map((v) => `Bearer ${v}`) },
);
const headers = fc
  .record(
    {
      'content-type': contentType,
      'x-mock-scenario': fc.oneof(
        fc.constantFrom(
          'success',
          'moderation',
          'slow',
          'stuck',
          'fail:service_error',
          'slow,stuck',
          'fail:nope',
        ),
        headerValue,
      ),
      'idempotency-key': fc.oneof(fc.constantFrom('k1', 'k2'), headerValue),
      range: fc.oneof(
        fc.constantFrom('bytes=0-7', 'bytes=-5', 'bytes=999999-', 'bytes=5-2', 'bytes=0-'),
        headerValue,
      ),
      'x-admin-token': fc.oneof(fc.constant(ADMIN_TOKEN), headerValue),
      origin: fc.constantFrom('http://mock.local', 'https://evil.example', 'null'),
      cookie: fc.constantFrom(`videotask_mock_admin=${ADMIN_TOKEN}`, 'videotask_mock_admin=wrong', 'a=b'),
      'content-length': fc.constantFrom('0', '5', '99999999', 'abc', '-1'),
    },
    { requiredKeys: [] },
  )
  .chain((known) =>
    fc
      .tuple(
        fc.dictionary(headerName, headerValue, { maxKeys: 3 }),
        fc.option(authorization, { freq: 6, nil: undefined }),
      )
      .map(([extra, auth]) => ({
        ...extra,
        ...known,
        ...(auth === undefined ? {} : { authorization: auth }),
      })),
  );

/** Bodies: JSON values, bytes, text, valid creates and near-valid ones (a field replaced by anything). */
const validCreate = schemaArbitrary(createBodySchema) as fc.Arbitrary<Record<string, unknown>>;
const body = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  fc.uint8Array({ maxLength: 64 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  validCreate.map((v) => JSON.stringify(v)),
  fc
    .tuple(
      validCreate,
      fc.constantFrom('model', 'prompt', 'duration', 'image_urls', 'callback_url', 'ms'),
      fc.jsonValue(),
    )
    .map(([v, key, value]) => JSON.stringify({ ...v, [key]: value })),
  fc
    .record(
      {
        ms: fc.jsonValue(),
        status: fc.oneof(fc.constantFrom(429, 500, 502, 503), fc.jsonValue()),
        count: fc.jsonValue(),
        retryAfter: fc.jsonValue(),
        path: fc.jsonValue(),
        mutate: fc.oneof(
          fc.constantFrom('none', 'duplicate', 'bad-signature', 'tampered-body'),
          fc.jsonValue(),
        ),
        url: fc.oneof(fc.constantFrom('https://hooks.example.com/x', 'https://127.0.0.1/x'), fc.jsonValue()),
        apiKey: fc.jsonValue(),
        credits: fc.jsonValue(),
        timeoutMs: fc.oneof(fc.constant(0), fc.jsonValue()),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.constant(''),
);

/** Mostly a route with its own method (to get past routing), sometimes anything anywhere. */
const target = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom(...ROUTES), query).map(([[m, p], q]) => ({ method: m, path: p + q })),
  },
  { weight: 1, arbitrary: fc.record({ method: fc.constantFrom(...METHODS), path }) },
);
const request = fc
  .tuple(target, headers, fc.option(body, { nil: undefined }))
  .map(([{ method, path }, headers, body]) => ({ method, path, headers, body }));
type FuzzRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

/** A fault pending before the requests (in 3 runs of 4), so 5xx answers are common and checked. */
const pendingFault = fc.option(
  fc.record(
    {
      status: fc.constantFrom(429, 500, 502, 503) as fc.Arbitrary<FaultSpec['status']>,
      count: fc.integer({ min: 1, max: 4 }),
      retryAfter: fc.integer({ min: 1, max: 5 }),
      path: fc.constantFrom('/v1/', '/v1/', '/v1/credits', '/v1/tasks/', '/v1/videos/generations'),
    },
    { requiredKeys: ['status'] },
  ),
  { freq: 4, nil: undefined },
);

async function fixture(options: MockServerOptions): Promise<Fixture> {
  const mock = createMockServer({
    clock: 'manual',
    startTime: START,
    seed: 'fuzz-http',
    // Callbacks of cancelled or finished tasks go nowhere.
    fetch: async () => new Response(null, { status: 204 }),
    deliveryGraceMs: 0,
    ...options,
  });
  const create = async (extra: Record<string, unknown>, scenario: string) => {
    const res = await mock.app.request('/v1/videos/generations', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${API_KEY}`,
        'content-type': 'application/json',
        'x-mock-scenario': scenario,
      },
      body: JSON.stringify({ model: 'sora-2', prompt: 'fuzz', ...extra }),
    });
    if (res.status !== 200) throw new Error(`fixture create answered ${res.status}`);
    return ((await res.json()) as { id: string }).id;
  };
  const completed = await create({ callback_url: 'https://hooks.example.com/done' }, 'success');
  await mock.clock.advance(10 * 60_000);
  const running = await create({ callback_url: 'https://hooks.example.com/run' }, 'stuck');
  return { mock, running, completed };
}

/** What may legitimately not be the JSON envelope: the dashboard's login page, a video's 416. */
function envelopeExempt(method: string, url: URL, status: number): boolean {
  if (method === 'HEAD') return true; // no body
  if (status === 416 && url.pathname.startsWith('/files/')) return true;
  if (status === 401 && url.pathname === '/__mock/ui') return true; // HTML login page for browsers
  return false;
}

async function send(f: Fixture, req: FuzzRequest) {
  const target = req.path.replaceAll(ID_PLACEHOLDER, f.running).replaceAll(DONE_PLACEHOLDER, f.completed);
  // As a server builds it from the request line: origin + target (`//x` stays a path).
  const url = new URL(`http://mock.local${target}`);
  const init: RequestInit = { method: req.method, headers: req.headers };
  if (req.body !== undefined && req.method !== 'GET' && req.method !== 'HEAD') init.body = req.body;
  // An injected delay would make the fuzz sleep for real: such a fault is accepted, then dropped.
  for (const fault of await f.mock.faults.list()) if (fault.delayMs) await f.mock.faults.clear();
  const faultsBefore = (await f.mock.faults.list()).length;
  const res = await f.mock.app.request(url.href, init);
  const where = `${req.method} ${url.pathname}${url.search} → ${res.status}`;
  // Injected fault answers say so in a header (and only when a fault was pending); any other 5xx is a bug.
  const injected = res.headers.get('x-mock-fault') === 'injected';
  if (injected) expect(faultsBefore, where).toBeGreaterThan(0);
  else expect(res.status, where).toBeLessThan(500);
  if (res.status >= 400 && !envelopeExempt(req.method, url, res.status)) {
    expect(res.headers.get('content-type') ?? '', where).toMatch(/^application\/json\b/);
    const text = await res.text();
    let parsed: unknown;
    expect(() => {
      parsed = JSON.parse(text);
    }, `${where}: ${text}`).not.toThrow();
    expect(errorEnvelope(parsed), `${where}: ${text} ${JSON.stringify(errorEnvelope.issues)}`).toBe(true);
    if (res.status === 405) expect(res.headers.get('allow'), where).toBeTruthy();
    if (res.status === 429) expect(Number(res.headers.get('retry-after')), where).toBeGreaterThan(0);
  } else {
    // The event stream never ends: do not read it.
    await res.body?.cancel();
  }
  return res.status;
}

/** After any sequence, a correct create, read and credits call behave as documented. */
async function stillServes(f: Fixture, options: MockServerOptions): Promise<void> {
  await f.mock.faults.clear();
  const headers = {
    authorization: `Bearer ${API_KEY}`,
    'content-type': 'application/json',
    'x-mock-scenario': 'success',
  };
  // The fuzz may have set this key's credits to 0 or used up its rate limit: give it room again.
  await f.mock.credits.set(API_KEY, 1000);
  const refill = async () => {
    if (options.rateLimit) await f.mock.clock.advance(60_000);
  };
  await refill();
  const created = await f.mock.app.request('/v1/videos/generations', {
    method: 'POST',
    headers,
    body: JSON.stringify({ model: 'sora-2', prompt: 'after the fuzz', duration: 15 }),
  });
  const text = await created.text();
  expect(created.status, text).toBe(200);
  const task = JSON.parse(text);
  expect(videoTask(task), JSON.stringify(videoTask.issues)).toBe(true);
  expect(task).toMatchObject({ status: 'pending', progress: 0 });
  await refill();
  const read = await f.mock.app.request(`/v1/tasks/${task.id}`, { headers });
  expect(read.status).toBe(200);
  expect((await read.json()).id).toBe(task.id);
  await refill();
  const credits = await f.mock.app.request('/v1/credits', { headers });
  expect(credits.status).toBe(200);
}

const CONFIGS: [string, MockServerOptions][] = [
  ['defaults (any bearer token, admin API open)', {}],
  ['API keys, admin token and a rate limit', { apiKeys: [API_KEY], adminToken: ADMIN_TOKEN, rateLimit: 2 }],
];

describe.each(CONFIGS)('arbitrary requests to every route: %s', (_name, options) => {
  test('no 5xx, no throw, errors in the envelope, and the next correct request is served', async () => {
    const logged: string[] = [];
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(request, { minLength: 1, maxLength: 4 }),
        pendingFault,
        async (requests, fault) => {
          const f = await fixture({ ...options, logger: (line) => logged.push(line) });
          if (fault) f.mock.faults.add(fault);
          try {
            for (const req of requests) {
              const status = await send(f, req);
              statuses.set(status, (statuses.get(status) ?? 0) + 1);
            }
            await stillServes(f, options);
            // onError logs "<method> <path> failed: <stack>": no handler may have thrown.
            expect(logged.filter((line) => / failed: /.test(line))).toEqual([]);
          } finally {
            await f.mock.close();
          }
        },
      ),
      fcParameters(150),
    );
    console.log(
      `http fuzz (${_name}): statuses seen`,
      Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
    );
    // The fuzz reaches past the front door: successes and the main error kinds all occur.
    for (const status of [200, 400, 404])
      expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    // ...and injected faults answer often enough that the 5xx check above meets them.
    const injected = [500, 502, 503].reduce((n, status) => n + (statuses.get(status) ?? 0), 0);
    expect(injected, 'injected 5xx answers').toBeGreaterThan(0);
  }, 60_000);
});
