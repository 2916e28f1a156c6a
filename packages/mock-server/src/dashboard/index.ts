// The browser dashboard at /__mock/ui: a page, its two assets, the parts it swaps in, a JSON page of
// tasks, and a server-sent event stream that says when something changed. The controls call the
// admin API under /__mock/ (and the public API to create a task), so this adds no second way to act.
import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';
import { modelStateEntry } from '../core/catalog.js';
import type { MockCore } from '../core/commands.js';
import { ERROR_CODES, type ErrorCode, errorBody } from '../domain/errors.js';
import type { Http } from '../http/answer.js';
import { bearerToken } from '../http/respond.js';
import { createSecretMatcher } from '../http/secure-compare.js';
import { DASHBOARD_JS } from './browser.generated.js';
import { listParts, type ServerState } from './list-parts.js';
import type { PageConfig } from './markup.js';
import { renderLoginPage, renderPage } from './page.js';
import { parseTaskQuery, queryTasks } from './query.js';
import { DASHBOARD_CSS } from './styles.js';
import { taskParts } from './task-parts.js';
import { type ChangeSummary, type ChangeWatcher, fingerprint, watcherFor } from './watch.js';

export const DASHBOARD_PATH = '/__mock/ui';
const ADMIN_BASE = '/__mock';
/** Holds the admin token for the page and its event stream (a browser cannot add headers to either). */
export const TOKEN_COOKIE = 'videotask_mock_admin';
/** A comment line on an idle stream, so proxies keep it open. */
const HEARTBEAT_MS = 15_000;

/** Every dashboard route and the methods it answers (others get 405). */
export const DASHBOARD_ROUTES = [
  ['GET', DASHBOARD_PATH, 'the dashboard page (?token= sets the admin-token cookie)'],
  ['GET', `${DASHBOARD_PATH}/assets/:name`, 'dashboard.js and dashboard.css'],
  ['GET', `${DASHBOARD_PATH}/tasks`, 'a page of tasks as JSON (?offset=, ?limit= up to 200, ?status=, ?q=)'],
  ['GET', `${DASHBOARD_PATH}/view`, 'the task list as HTML parts (same parameters, plus ?selected=)'],
  ['GET', `${DASHBOARD_PATH}/view/tasks/:id`, 'one task as HTML parts: JSON, video, callback attempts'],
  [
    'GET',
    `${DASHBOARD_PATH}/events`,
    'server-sent events: `change` with a version whenever what the page shows changed',
  ],
] as const;

/**
 * Every dashboard answer's security headers (hono/secure-headers). The CSP: nothing but this origin's
 * own files, no inline script or style, no network elsewhere. No HSTS: the mock is mostly served over
 * plain http on a developer's machine, and HSTS there would pin the host to https.
 */
const dashboardSecureHeaders = secureHeaders({
  strictTransportSecurity: false,
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    mediaSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
});

/** An error answer in the API's envelope. */
function fail(
  c: Context,
  code: ErrorCode,
  message: string,
  param?: string,
  headers?: Record<string, string>,
) {
  return c.json(errorBody(code, message, param), ERROR_CODES[code].status, headers);
}

/**
 * Adds the dashboard to the mock's app. Mount it before the admin routes (it checks the admin token
 * itself, also from a cookie, which the admin API does not accept) and only when the admin API is on.
 */
export function mountDashboard(app: Hono, http: Http): void {
  const { core } = http;
  const base = DASHBOARD_PATH;
  const token = core.options.adminToken;
  // Checked in constant time (the header, the cookie and ?token= alike).
  const tokenMatches = createSecretMatcher(token ? [token] : []);

  // The assets hold no data: served without the token (the login page uses the stylesheet).
  const assets: Record<string, { body: string; type: string }> = {
    'dashboard.js': { body: DASHBOARD_JS, type: 'text/javascript; charset=utf-8' },
    'dashboard.css': { body: DASHBOARD_CSS, type: 'text/css; charset=utf-8' },
  };
  // `/x/*` matches `/x` itself too. First: the assets below answer without the token check.
  app.use(`${base}/*`, dashboardSecureHeaders);
  app.get(`${base}/assets/:name`, (c) => {
    const asset = assets[c.req.param('name')];
    if (!asset) return fail(c, 'not_found', `No dashboard asset ${c.req.param('name')}.`);
    return c.body(asset.body, 200, {
      'content-type': asset.type,
      'cache-control': 'no-cache',
    });
  });

  app.use(`${base}/*`, async (c, next) => {
    if (token) {
      const denied = checkToken(c, token, base, tokenMatches);
      if (denied) return denied;
    }
    await next();
  });

  registerPages(app, http);
  registerViews(app, http);
  registerEvents(app, http);
}

/** What the page needs to know about the server. */
function pageConfig(http: Http): PageConfig {
  const { core } = http;
  return {
    base: DASHBOARD_PATH,
    adminBase: ADMIN_BASE,
    adminToken: core.options.adminToken,
    clock: core.scheduler.mode,
    defaultApiKey: core.options.apiKeys ? ([...core.options.apiKeys][0] as string) : 'sk-dashboard',
    allowLocalCallbacks: core.options.allowLocalCallbacks,
    unsignedCallbacks: core.options.unsignedCallbacks,
    models: core.options.models,
  };
}

/** The server's side of the page: faults, clock, chaos profile, model states. */
async function serverState(core: MockCore): Promise<ServerState> {
  return {
    faults: await core.listFaults(),
    clock: core.clockView(),
    chaos: (await core.activeChaos())?.profile ?? null,
    models: (await core.modelStatuses()).map(modelStateEntry),
  };
}

/** The page and the JSON page of tasks. */
function registerPages(app: Hono, http: Http): void {
  const { core } = http;
  const base = DASHBOARD_PATH;
  app.get(base, async (c) => {
    const parsed = parseTaskQuery((name) => c.req.query(name));
    const query = parsed.ok ? parsed.query : { offset: 0, limit: 50, status: null, q: '' };
    const { page } = await queryTasks(core, query);
    return c.html(renderPage(pageConfig(http), page, await serverState(core), query), 200, {
      'cache-control': 'no-store',
    });
  });
  app.get(`${base}/`, (c) => c.redirect(base, 301));

  app.get(`${base}/tasks`, async (c) => {
    const parsed = parseTaskQuery((name) => c.req.query(name));
    if (!parsed.ok) return fail(c, 'invalid_request', parsed.message, parsed.param);
    const { rows, ...page } = (await queryTasks(core, parsed.query)).page;
    return c.json({ ...page, data: rows }, 200, { 'cache-control': 'no-store' });
  });
}

/** The parts the page swaps in: the task list, one task. */
function registerViews(app: Hono, http: Http): void {
  const { core } = http;
  const base = DASHBOARD_PATH;
  app.get(`${base}/view`, async (c) => {
    const parsed = parseTaskQuery((name) => c.req.query(name));
    if (!parsed.ok) return fail(c, 'invalid_request', parsed.message, parsed.param);
    const { page, scan } = await queryTasks(core, parsed.query);
    // The page will show this state: the event stream must notice when it changes again.
    const watcher = watcherFor(core);
    if (watcher.subscribers) watcher.observe(await fingerprint(core, scan));
    const selected = c.req.query('selected') ?? null;
    return c.json(
      {
        offset: page.offset,
        total: page.total,
        parts: listParts(page, await serverState(core), selected),
      },
      200,
      { 'cache-control': 'no-store' },
    );
  });

  app.get(`${base}/view/tasks/:id`, async (c) => {
    const id = c.req.param('id');
    const view = await core.adminTask(id);
    if (!view.ok) return http.refused(view);
    return c.json({ id, parts: taskParts(view.value, await core.listDeliveries({ taskId: id })) }, 200, {
      'cache-control': 'no-store',
    });
  });
}

/** Server-sent events: `change` with a version whenever what the page shows changed. */
function registerEvents(app: Hono, http: Http): void {
  const { core } = http;
  app.get(`${DASHBOARD_PATH}/events`, (c) => {
    // A HEAD answer's body is dropped unread: do not start a stream that nobody would end.
    if (c.req.method === 'HEAD') return c.body(null, 200, { 'content-type': 'text/event-stream' });
    const watcher = watcherFor(core);
    return streamSSE(c, (stream) => streamChanges(stream, watcher));
  });
}

/** Sends each change the watcher announces (merging those that come faster than they are sent), and a heartbeat. */
async function streamChanges(stream: SSEStreamingApi, watcher: ChangeWatcher): Promise<void> {
  // The newest change not sent yet (changes that come faster than they are sent are merged).
  const state: { latest: ChangeSummary | null; wake: (() => void) | null; closed: boolean } = {
    latest: null,
    wake: null,
    closed: false,
  };
  const unsubscribe = watcher.subscribe((summary) => {
    state.latest = summary;
    state.wake?.();
  });
  stream.onAbort(() => {
    state.closed = true;
    state.wake?.();
  });
  const take = (): ChangeSummary | null => {
    const summary = state.latest;
    state.latest = null;
    return summary;
  };
  const send = (summary: ChangeSummary, retry?: number) =>
    stream.writeSSE({
      event: 'change',
      id: String(summary.version),
      data: JSON.stringify({ ...summary, pages: watcher.subscribers }),
      retry,
    });
  try {
    let sent = await watcher.check();
    take();
    await send(sent, 2000);
    while (!state.closed && !stream.closed) {
      if (!state.latest) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, HEARTBEAT_MS);
          state.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        state.wake = null;
      }
      if (state.closed) break;
      const summary = take();
      if (summary && summary.version !== sent.version) {
        sent = summary;
        await send(sent);
      } else {
        await stream.write(': keep-alive\n\n');
      }
    }
  } finally {
    unsubscribe();
  }
}

/** The 401 answer when the request does not carry the admin token; undefined when it does. */
function checkToken(
  c: Context,
  token: string,
  base: string,
  matches: (presented: string | null | undefined) => boolean,
): Response | undefined {
  const header = bearerToken(c.req.header('authorization')) ?? c.req.header('x-admin-token');
  const safe = c.req.method === 'GET' || c.req.method === 'HEAD';
  const https = new URL(c.req.url).protocol === 'https:';
  const remember = () =>
    setCookie(c, TOKEN_COOKIE, token, {
      path: base,
      httpOnly: true,
      sameSite: 'Strict',
      secure: https,
    });
  if (matches(header)) {
    // The page's event stream cannot send a header: remember the token for it.
    if (c.req.path === base) remember();
    return undefined;
  }
  // A cookie is enough to read (the page, its parts, its stream), never to act: no cross-site forgery.
  if (safe && matches(getCookie(c, TOKEN_COOKIE))) return undefined;
  if (safe && c.req.path === base) {
    const given = c.req.query('token');
    if (matches(given)) {
      remember();
      return c.redirect(base, 303);
    }
    return c.html(renderLoginPage(base, given !== undefined), 401, { 'cache-control': 'no-store' });
  }
  return fail(
    c,
    'unauthorized',
    'The dashboard needs the admin token (Authorization: Bearer <token>, x-admin-token, or open /__mock/ui?token=<token>).',
  );
}
