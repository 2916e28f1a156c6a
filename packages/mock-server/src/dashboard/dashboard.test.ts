// The dashboard's routes over app.request(): page and assets, paging (10,000 tasks), the HTML parts
// (escaped), the event stream, the admin switch and the admin token.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type DashboardServer, dashboardServer, START, sseReader } from '../../test/dashboard-helpers.js';
import { createMockServer } from '../index.js';
import { DASHBOARD_JS } from './browser.generated.js';
import { DASHBOARD_PATH, TOKEN_COOKIE } from './index.js';
import { DASHBOARD_CSS } from './styles.js';
import { fingerprint, watcherFor } from './watch.js';

const UI = DASHBOARD_PATH;
const XSS = '<img src=x onerror=alert(1)>';
/** A bearer token has no spaces; this one is still markup. */
const XSS_KEY = '<img/src=x/onerror=alert(1)>';

let server: DashboardServer | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
  vi.useRealTimers();
});

function start(options: Parameters<typeof dashboardServer>[0] = {}): DashboardServer {
  server = dashboardServer(options);
  return server;
}

async function create(
  s: DashboardServer,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  key = 'sk-dashboard-test',
) {
  const res = await s.app.request('/v1/videos/generations', {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'sora-2', prompt: 'A cat playing piano', ...body }),
  });
  if (res.status !== 200) throw new Error(`create answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string; status: string };
}

const get = (s: DashboardServer, path: string, headers: Record<string, string> = {}) =>
  Promise.resolve(s.app.request(path, { headers }));

interface Row {
  id: string;
  status: string;
  progress: number;
  apiKey: string;
  attempts: number;
}
interface PageJson {
  total: number;
  offset: number;
  limit: number;
  counts: Record<string, number>;
  data: Row[];
}

describe('the fingerprint', () => {
  test('a clock verb on a real clock changes it: the pages learn of a pause with no task running', async () => {
    const s = start({ clock: 'real' });
    const before = (await fingerprint(s.core)).hash;
    expect((await fingerprint(s.core)).hash).toBe(before);
    await s.core.pauseClock(true);
    expect((await fingerprint(s.core)).hash).not.toBe(before);
  });

  test('a chaos profile set or cleared changes it', async () => {
    const s = start();
    const before = (await fingerprint(s.core)).hash;
    expect((await s.core.setChaos('slow-provider')).ok).toBe(true);
    const during = (await fingerprint(s.core)).hash;
    expect(during).not.toBe(before);
    await s.core.clearChaos();
    expect((await fingerprint(s.core)).hash).toBe(before);
  });
});

describe('the header', () => {
  test("says the clock's speed and pause, and the chaos profile in force", async () => {
    const s = start({ clock: 'real' });
    const clock = async () => {
      const { parts } = (await (await get(s, `${UI}/view`)).json()) as { parts: Record<string, string> };
      return { clock: parts.clock ?? '', chaos: parts.chaos ?? '' };
    };
    expect(await clock()).toMatchObject({ chaos: expect.stringContaining('no chaos profile') });
    expect((await clock()).clock).not.toMatch(/×|paused/);
    await s.core.scaleClock(10);
    await s.core.pauseClock(true);
    await s.core.setChaos('flaky-gateway');
    const after = await clock();
    expect(after.clock).toMatch(
      /^<span class="clock-mode">real clock<\/span> <span class="clock-speed">×10<\/span> <strong>paused<\/strong> <time/,
    );
    expect(after.chaos).toBe('chaos: <code>flaky-gateway</code>');
    const page = await (await get(s, UI)).text();
    expect(page).toContain('<span data-part="chaos">chaos: <code>flaky-gateway</code></span>');
  });
});

describe('page and assets', () => {
  test('the clock card offers scale, pause and resume on a real clock only; set and reset on both', async () => {
    const button = (page: string, verb: string) =>
      new RegExp(`data-verb="${verb}"( disabled)?>`).exec(page)?.[1];
    const manual = await (await get(start(), UI)).text();
    expect(['set', 'scale', 'pause', 'resume', 'reset'].map((v) => button(manual, v))).toEqual([
      undefined,
      ' disabled',
      ' disabled',
      ' disabled',
      undefined,
    ]);
    await server?.close();
    const real = await (await get(start({ clock: 'real' }), UI)).text();
    expect(['set', 'scale', 'pause', 'resume', 'reset'].map((v) => button(real, v))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(real).toContain('Scale, pause and resume change how the real clock runs.');
  });

  test('GET /__mock/ui is a page that loads only its own assets, with a strict CSP', async () => {
    const s = start();
    const res = await get(s, UI);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    for (const id of [
      'create-form',
      'model-form',
      'clock-form',
      'clock-verbs-form',
      'fault-form',
      'filter-form',
      'task-view',
      'live',
      'error',
    ]) {
      expect(page).toContain(`id="${id}"`);
    }
    // Nothing from another origin: no absolute URL in a src or href.
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(page).toContain(`<script type="module" src="${UI}/assets/dashboard.js"></script>`);
    expect(page).not.toMatch(/<script>|<style>|style="| on[a-z]+="/);
    // The parts rendered into the page are markup, not escaped twice.
    expect(page).toContain('<tbody data-part="rows"><tr><td colspan="8" class="empty">No tasks yet.');
    expect(page).not.toMatch(/&lt;\/?(tr|td|p|span|button|ul|li|time|code)\b/);
    // Labels for every form field.
    for (const [, id] of page.matchAll(/<(?:input|select|textarea)[^>]* id="([^"]+)"/g)) {
      expect(page).toContain(`for="${id}"`);
    }
    expect((await get(s, `${UI}/`)).status).toBe(301);
    expect((await s.app.request(UI, { method: 'HEAD' })).status).toBe(200);
  });

  test('the script and the stylesheet are served from the package, and the script parses', async () => {
    const s = start();
    const js = await get(s, `${UI}/assets/dashboard.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await js.text()).toBe(DASHBOARD_JS);
    const css = await get(s, `${UI}/assets/dashboard.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toBe(DASHBOARD_CSS);
    expect((await get(s, `${UI}/assets/other.js`)).status).toBe(404);
    // A syntax error would throw here (the module has no import or export, so a Function body parses it).
    expect(() => new Function(DASHBOARD_JS)).not.toThrow();
    expect(DASHBOARD_JS + DASHBOARD_CSS).not.toMatch(/https?:\/\/|url\(|@import/);
    // Content written by the script itself never goes through innerHTML: only server-rendered parts do.
    expect(DASHBOARD_JS.match(/innerHTML/g)).toHaveLength(1);
  });

  test('other methods on dashboard paths answer 405 with Allow', async () => {
    const s = start();
    const res = await s.app.request(`${UI}/tasks`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect((await res.json()).error.code).toBe('method_not_allowed');
  });
});

describe('the task list', () => {
  test('pages newest first, filters by status and text, and counts every status', async () => {
    const s = start({ credits: 10_000 });
    const ids: string[] = [];
    for (let i = 0; i < 60; i++)
      ids.push((await create(s, {}, i % 3 === 0 ? { 'x-mock-scenario': 'stuck' } : {})).id);
    await s.core.scheduler.advance(10 * 60 * 1000);
    const first = (await (await get(s, `${UI}/tasks?limit=25`)).json()) as PageJson;
    expect(first).toMatchObject({ total: 60, offset: 0, limit: 25 });
    expect(first.counts).toEqual({ all: 60, pending: 0, processing: 20, completed: 40, failed: 0 });
    expect(first.data.map((r) => r.id)).toEqual(ids.slice(-25).reverse());
    const last = (await (await get(s, `${UI}/tasks?limit=25&offset=50`)).json()) as PageJson;
    expect(last.data.map((r) => r.id)).toEqual(ids.slice(0, 10).reverse());
    // Past the end: the last page.
    const past = (await (await get(s, `${UI}/tasks?limit=25&offset=500`)).json()) as PageJson;
    expect(past.offset).toBe(50);
    const processing = (await (await get(s, `${UI}/tasks?status=processing&limit=200`)).json()) as PageJson;
    expect(processing.total).toBe(20);
    expect(processing.data.every((r) => r.status === 'processing')).toBe(true);
    const one = (await (await get(s, `${UI}/tasks?q=${ids[7]?.slice(-8)}`)).json()) as PageJson;
    expect(one.data.map((r) => r.id)).toEqual([ids[7]]);
    expect(first.data[0]).toMatchObject({ apiKey: 'sk-das…test', progress: 100, status: 'completed' });
  });

  test.each([
    ['offset=-1', 'offset'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['status=done', 'status'],
    [`q=${'x'.repeat(201)}`, 'q'],
  ])('?%s answers 400 naming %s', async (query, param) => {
    const s = start();
    const res = await get(s, `${UI}/tasks?${query}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.param).toBe(param);
  });

  // How fast they are is measured by bench/dashboard.ts (`pnpm bench:dashboard`), not asserted here.
  test('10,000 tasks: a page, the list parts and the page itself hold one page of rows', async () => {
    const s = start({ credits: 1_000_000 });
    for (let i = 0; i < 10_000; i++) {
      await create(
        s,
        { duration: i % 2 ? 10 : 15 },
        i % 10 === 0 ? { 'x-mock-scenario': 'fail:service_error' } : {},
      );
    }
    await s.core.scheduler.advance(30_000);
    for (const path of [`${UI}/tasks?limit=50&offset=5000`, `${UI}/view?limit=50&offset=9990`, UI]) {
      const res = await get(s, path);
      expect(res.status).toBe(200);
      expect((await res.text()).length).toBeLessThan(100_000);
    }
    const page = (await (await get(s, `${UI}/tasks?limit=200&offset=9900`)).json()) as PageJson;
    expect(page.total).toBe(10_000);
    expect(page.data).toHaveLength(100);
    const view = (await (await get(s, `${UI}/view?limit=50`)).json()) as { parts: Record<string, string> };
    expect(view.parts.rows?.match(/<tr/g)).toHaveLength(50);
    expect(view.parts.pager).toContain('of 10,000');
    expect(view.parts.counts).toContain('10,000 tasks');
  }, 120_000);
});

describe('the task view', () => {
  test('shows the JSON GET /v1/tasks/{id} returns, the video, and every callback attempt with headers and body', async () => {
    const calls: { url: string; headers: Record<string, string>; body: string }[] = [];
    let answer = 500;
    const s = start({
      allowLocalCallbacks: true,
      fetch: async (input, init) => {
        calls.push({
          url: String(input),
          headers: init?.headers as Record<string, string>,
          body: String(init?.body),
        });
        return new Response(null, { status: answer });
      },
    });
    const task = await create(s, { callback_url: 'http://127.0.0.1:9/hook', aspect_ratio: '9:16' });
    const before = (await (await get(s, `${UI}/view/tasks/${task.id}`)).json()) as {
      parts: Record<string, string>;
    };
    expect(before.parts['task-actions']).toContain('data-action="cancel"');
    expect(before.parts['task-video']).toContain('appears here when the task completes');
    expect(before.parts['task-deliveries']).toContain('No callback attempt yet');

    const view = await s.core.adminTask(task.id);
    const endAt = (view.ok ? view.value.timeline.endAt : 0) as number;
    await s.core.scheduler.advance(endAt - START);
    answer = 200;
    await s.core.scheduler.advance(1000);
    await s.core.deliveries.idle();
    expect(calls).toHaveLength(2);

    const res = await get(s, `${UI}/view/tasks/${task.id}`);
    const { parts } = (await res.json()) as { parts: Record<string, string> };
    const api = await (
      await s.app.request(`/v1/tasks/${task.id}`, { headers: { authorization: 'Bearer sk-dashboard-test' } })
    ).json();
    expect(JSON.parse(unescapeText(parts['task-json'] ?? ''))).toEqual(api);
    expect(parts['task-video']).toContain(
      `<video class="portrait" controls preload="metadata" src="/files/${task.id}.mp4"`,
    );
    expect(parts['task-attempts']).toBe('2 attempts, newest first');
    const deliveries = parts['task-deliveries'] ?? '';
    expect(deliveries).toContain('Attempt 1');
    expect(deliveries).toContain('HTTP <strong>500</strong>');
    expect(deliveries).toContain('Attempt 2');
    expect(deliveries).toContain('HTTP <strong>200</strong>');
    for (const call of calls) {
      expect(deliveries).toContain(escapeText(call.headers['webhook-signature'] ?? 'missing'));
      expect(deliveries).toContain(escapeText(call.headers['webhook-id'] ?? 'missing'));
      // Each attempt's own span, as a fact beside its webhook-id (not only in the headers table).
      const fact = `<dt>traceparent</dt><dd><code class="wrap">${call.headers.traceparent}</code></dd>`;
      expect(deliveries).toContain(fact);
    }
    // The task's trace (its spans' parent) in its facts.
    expect(parts['task-facts']).toContain(
      `<dt>traceparent</dt><dd><code class="wrap">${view.ok && view.value.traceparent}</code>`,
    );
    expect(deliveries).toContain(escapeText(calls[0]?.body ?? 'missing'));
    expect(parts['task-actions']).toContain('id="redeliver-form"');
    for (const mutate of ['none', 'duplicate', 'stale-timestamp', 'bad-signature', 'tampered-body']) {
      expect(parts['task-actions']).toContain(`<option value="${mutate}">`);
    }
    expect((await get(s, `${UI}/view/tasks/task-unified-1-aaaaaaaa`)).status).toBe(404);
  });

  test('names the model, and the video shape as each model says it (or the length alone)', async () => {
    const s = start();
    const preview = await create(s, { model: 'sora-2-preview', aspect_ratio: '720x1280', duration: 4 });
    const hailuo = await create(s, { model: 'MiniMax-Hailuo-2.3', duration: 6 });
    const facts = async (id: string) =>
      ((await (await get(s, `${UI}/view/tasks/${id}`)).json()) as { parts: Record<string, string> }).parts[
        'task-facts'
      ] ?? '';
    expect(await facts(preview.id)).toContain('<code>sora-2-preview</code>');
    expect(await facts(preview.id)).toContain('4 s · 720x1280');
    expect(await facts(hailuo.id)).toContain('<code>MiniMax-Hailuo-2.3</code>');
    expect(await facts(hailuo.id)).toMatch(/<dd>6 s<\/dd>/);
    const page = (await (await get(s, `${UI}/tasks`)).json()) as { data: { id: string; model: string }[] };
    expect(Object.fromEntries(page.data.map((r) => [r.id, r.model]))).toEqual({
      [preview.id]: 'sora-2-preview',
      [hailuo.id]: 'MiniMax-Hailuo-2.3',
    });
  });

  test('everything from requests and receivers is escaped: keys, receiver errors, bodies', async () => {
    const s = start({
      allowLocalCallbacks: true,
      fetch: async () => {
        throw new Error(XSS);
      },
    });
    const task = await create(
      s,
      { prompt: XSS, callback_url: 'http://127.0.0.1:9/?q=%3Cimg%3E' },
      {},
      XSS_KEY,
    );
    await s.core.scheduler.advance(10 * 60 * 1000);
    await s.core.deliveries.idle();
    const list = (await (await get(s, `${UI}/view?limit=50&selected=${task.id}`)).json()) as {
      parts: Record<string, string>;
    };
    const view = (await (await get(s, `${UI}/view/tasks/${task.id}`)).json()) as {
      parts: Record<string, string>;
    };
    const all = Object.values({ ...list.parts, ...view.parts }).join('\n');
    expect(all).toContain(escapeText(XSS));
    expect(all).toContain(escapeText(XSS_KEY.slice(0, 6)));
    expect(all).not.toMatch(/<img/i);
    expect(list.parts.rows).toContain('aria-current="true"');
    const page = await (await get(s, UI)).text();
    expect(page).not.toMatch(/<img/i);
  });
});

// Generous: each wait is for an event (10 s at most, see sseReader), never a fixed sleep.
describe('live updates (server-sent events)', { timeout: 60_000 }, () => {
  test('the stream sends a change event with a rising version when the state changes, and nothing while idle', async () => {
    const s = start();
    const res = await get(s, `${UI}/events`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = sseReader(res);
    const first = await events.next();
    expect(first.event).toBe('change');
    const summary = JSON.parse(first.data);
    expect(summary).toMatchObject({ clock: 'manual', now: START, counts: { all: 0 }, pages: 1 });

    const task = await create(s);
    const second = JSON.parse((await events.next()).data);
    expect(second.version).toBeGreaterThan(summary.version);
    expect(second.counts).toMatchObject({ all: 1, pending: 1 });

    await s.core.scheduler.advance(5000);
    const third = JSON.parse((await events.next()).data);
    expect(third.version).toBeGreaterThan(second.version);
    expect(third.now).toBe(START + 5000);
    expect(third.counts).toMatchObject({ processing: 1 });

    await s.app.request(`/__mock/tasks/${task.id}/cancel`, { method: 'POST' });
    const fourth = JSON.parse((await events.next()).data);
    expect(fourth.counts).toMatchObject({ failed: 1 });

    // Idle: the watcher's looks at an unchanged mock (taken here, as its timer does) announce nothing,
    // so the next event is the next change, one version on.
    const watcher = watcherFor(s.core);
    for (let look = 0; look < 3; look++) expect((await watcher.check()).version).toBe(fourth.version);
    await s.core.scheduler.advance(1000);
    const fifth = JSON.parse((await events.next()).data);
    expect(fifth).toMatchObject({ version: fourth.version + 1, now: START + 6000 });

    // A model's state is on the page too: changing it is a change.
    await s.app.request('/__mock/models', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sora-2', state: 'degraded' }),
    });
    const sixth = JSON.parse((await events.next()).data);
    expect(sixth.version).toBe(fifth.version + 1);
    expect(watcher.subscribers).toBe(1);
    await events.cancel();
    await expect.poll(() => watcherFor(s.core).subscribers).toBe(0);
  });

  test('a change that comes and goes between two looks is still announced when a page saw it', async () => {
    // The watcher's timer is fake, so it takes no look until the test lets time pass.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const s = start();
    const events = sseReader(await get(s, `${UI}/events`));
    const first = JSON.parse((await events.next()).data);
    // Between two looks: a fault appears, a page is shown it, it is used up.
    await s.app.request('/__mock/faults', {
      method: 'POST',
      body: JSON.stringify({ status: 503, count: 1 }),
    });
    const view = (await (await get(s, `${UI}/view`)).json()) as { parts: Record<string, string> };
    expect(view.parts.faults).toContain('answers <strong>503</strong>');
    const refused = await s.app.request('/v1/videos/generations', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-x', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sora-2', prompt: 'p' }),
    });
    expect(refused.status).toBe(503);
    // The state is back where it was, but that page shows the fault: the next look must announce it.
    await vi.advanceTimersByTimeAsync(5000);
    const next = JSON.parse((await events.next()).data);
    expect(next.version).toBeGreaterThan(first.version);
    await events.cancel();
  });

  test('two pages share one watcher; a HEAD starts no stream', async () => {
    const s = start();
    const head = await s.app.request(`${UI}/events`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(watcherFor(s.core).subscribers).toBe(0);
    const a = sseReader(await get(s, `${UI}/events`));
    const b = sseReader(await get(s, `${UI}/events`));
    await a.next();
    expect(JSON.parse((await b.next()).data).pages).toBe(2);
    expect(watcherFor(s.core).subscribers).toBe(2);
    await create(s);
    expect(JSON.parse((await a.next()).data).version).toBe(JSON.parse((await b.next()).data).version);
    await a.cancel();
    await b.cancel();
    await expect.poll(() => watcherFor(s.core).subscribers).toBe(0);
  });
});

describe('admin switch and admin token', () => {
  test('createMockServer serves it under the admin API, and not with admin: false', async () => {
    const on = createMockServer({ clock: 'manual' });
    const off = createMockServer({ clock: 'manual', admin: false });
    try {
      expect((await on.app.request(UI)).status).toBe(200);
      expect((await on.app.request(`${UI}/tasks`)).status).toBe(200);
      const gone = await off.app.request(UI);
      expect(gone.status).toBe(404);
      expect((await gone.json()).error.code).toBe('not_found');
    } finally {
      await on.close();
      await off.close();
    }
  });

  test('with the admin API off there is no dashboard', async () => {
    const s = start({ admin: false });
    for (const path of [UI, `${UI}/assets/dashboard.js`, `${UI}/tasks`, `${UI}/events`]) {
      expect((await get(s, path)).status).toBe(404);
    }
  });

  test('with an admin token: a login form, ?token= sets an HttpOnly SameSite=Strict cookie, the cookie only reads', async () => {
    const token = 'adm-secret-1';
    const s = start({ adminToken: token });
    const bare = await get(s, UI);
    expect(bare.status).toBe(401);
    const login = await bare.text();
    expect(login).toContain('Admin token needed');
    expect(login).not.toContain(token);
    expect((await get(s, `${UI}?token=wrong`)).status).toBe(401);
    for (const path of [`${UI}/tasks`, `${UI}/view`, `${UI}/events`, `${UI}/view/tasks/x`]) {
      const res = await get(s, path);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    }
    // The assets hold no data.
    expect((await get(s, `${UI}/assets/dashboard.css`)).status).toBe(200);

    const ok = await get(s, `${UI}?token=${token}`);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(UI);
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`${TOKEN_COOKIE}=${token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toContain(`Path=${UI}`);
    const jar = { cookie: `${TOKEN_COOKIE}=${token}` };
    const page = await get(s, UI, jar);
    expect(page.status).toBe(200);
    // The page sends the token as x-admin-token to the admin API.
    expect(await page.text()).toContain(`<meta name="admin-token" content="${token}">`);
    expect((await get(s, `${UI}/tasks`, jar)).status).toBe(200);
    const events = await get(s, `${UI}/events`, jar);
    expect(events.status).toBe(200);
    await events.body?.cancel();
    // A header works as for the admin API (and sets the cookie for the stream).
    const byHeader = await get(s, UI, { 'x-admin-token': token });
    expect(byHeader.status).toBe(200);
    expect(byHeader.headers.get('set-cookie')).toContain(TOKEN_COOKIE);
    expect((await get(s, `${UI}/tasks`, { authorization: `Bearer ${token}` })).status).toBe(200);
    // The cookie does not open the admin API: acting needs the header.
    const reset = await s.app.request('/__mock/reset', { method: 'POST', headers: jar });
    expect(reset.status).toBe(401);
  });

  test('without a token the page carries none', async () => {
    const s = start();
    expect(await (await get(s, UI)).text()).toContain('<meta name="admin-token" content="">');
  });
});

function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function unescapeText(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
