// The Hono app: the API, files, docs and admin routes, and the admin surfaces the composition hands in
// (server.ts: the dashboard); 404 and 405 in the envelope; a log line per request.
import { Hono } from 'hono';
import type { MockCore } from '../core/commands.js';
import { DEFAULT_MESSAGES } from '../domain/errors.js';
import { StoreUnavailableError } from '../store/store.js';
import { ADMIN_ROUTES, registerAdmin } from './admin.js';
import { registerAdminGuard } from './admin-guard.js';
import { createHttp, type Http } from './answer.js';
import { registerApi } from './api.js';
import { registerDocs } from './docs.js';

const STORE_DOWN = 'The mock cannot reach its store; retry shortly.';

/** The non-admin routes and their methods (a HEAD is answered wherever a GET is). */
const PUBLIC_ROUTES: [string, string][] = [
  ['POST', '/v1/videos/generations'],
  ['GET', '/v1/tasks'],
  // Before the task's own path, which its pattern would match too (a 405 lists the first match's methods).
  ['POST', '/v1/tasks/batch'],
  ['GET', '/v1/tasks/:task_id'],
  ['GET', '/v1/credits'],
  ['GET', '/v1/models'],
  ['GET', '/v1/catalog/models'],
  ['GET', '/v1/catalog/health'],
  ['GET', '/files/:file'],
  ['GET', '/openapi.json'],
  ['GET', '/docs'],
  ['GET', '/docs/'],
  ['GET', '/docs/assets/:name'],
];

/** For each known path pattern, the methods it answers: what a 405 lists in `Allow`. */
function allowTable(routes: [string, string][]): { pattern: RegExp; allow: string }[] {
  const byPath = new Map<string, Set<string>>();
  for (const [method, path] of routes) {
    const methods = byPath.get(path) ?? new Set<string>();
    methods.add(method);
    if (method === 'GET') methods.add('HEAD');
    byPath.set(path, methods);
  }
  return [...byPath].map(([path, methods]) => ({
    pattern: new RegExp(`^${path.replace(/:[^/]+/g, '[^/]+')}$`),
    allow: [...methods].join(', '),
  }));
}

/**
 * A surface served beside the admin API (the dashboard, MCP). It is handed in by the composition, so
 * http/ never imports it; it is mounted after the cross-site guard and before the admin routes (it checks
 * the admin token itself) unless `underAdminAuth`, and only when the admin API is on.
 */
export interface AdminSurface {
  /** Its routes and their methods (what a 405 lists in `Allow`); any further entries are descriptions. */
  routes: readonly (readonly [method: string, path: string, ...rest: string[]])[];
  mount(app: Hono, http: Http): void;
  /**
   * Mounted after the admin routes instead, behind the admin API's own token check and body limit (the
   * MCP endpoint: it accepts exactly what the admin API accepts).
   */
  underAdminAuth?: boolean;
}

export function createApp(core: MockCore, adminSurfaces: readonly AdminSurface[] = []): Hono {
  const app = new Hono();
  const http = createHttp(core);
  registerMiddleware(app, core);
  registerApi(app, http);
  registerDocs(app, http);
  const routes = [...PUBLIC_ROUTES];
  if (core.options.admin) {
    registerAdminGuard(app, http); // cross-site POSTs to /__mock/* refused, first
    const [before, under] = [
      adminSurfaces.filter((s) => !s.underAdminAuth),
      adminSurfaces.filter((s) => s.underAdminAuth),
    ];
    for (const surface of before) surface.mount(app, http); // e.g. /__mock/ui, before the admin routes
    registerAdmin(app, http);
    for (const surface of under) surface.mount(app, http); // e.g. /__mock/mcp, past the admin token check
    for (const [method, path] of [...ADMIN_ROUTES, ...adminSurfaces.flatMap((s) => s.routes)])
      routes.push([method, path]);
  }
  registerFallbacks(app, http, allowTable(routes));
  return app;
}

/**
 * A log line per request (with a logger), the observer's request event (with one: the route is Hono's
 * pattern, so its labels stay few), and with replicas on one store, the shared manual time first.
 */
function registerMiddleware(app: Hono, core: MockCore): void {
  const { logger, observer } = core.options;
  const request = observer?.request?.bind(observer);
  if (request) {
    app.use(async (c, next) => {
      const started = performance.now();
      await next();
      request(c.req.routePath, c.req.method, c.res.status, performance.now() - started);
    });
  }
  if (logger) {
    app.use(async (c, next) => {
      const started = performance.now();
      await next();
      logger(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)} ms`);
    });
  }
  // Replicas on one store share the clock: each request first takes the stored state (a set, scale or pause elsewhere).
  if (core.replicas.clockIsShared) {
    app.use(async (_c, next) => {
      await core.replicas.catchUp();
      await next();
    });
  }
}

/** 405 on a known path (with `Allow`), 404 elsewhere, 503 when a shared store is down, 500 otherwise. */
function registerFallbacks(app: Hono, http: Http, allowed: { pattern: RegExp; allow: string }[]): void {
  const { logger } = http.core.options;
  app.notFound((c) => {
    const path = c.req.path;
    const route = allowed.find((r) => r.pattern.test(path));
    if (route) {
      return http.fail(
        'method_not_allowed',
        `${c.req.method} is not allowed on ${path}; use ${route.allow}.`,
        undefined,
        { allow: route.allow },
      );
    }
    return http.fail('not_found', `No route ${c.req.method} ${path}.`);
  });
  app.onError((error, c) => {
    if (error instanceof StoreUnavailableError) {
      // A shared store down: the client may retry (the store's client reconnects on its own).
      logger?.(`${c.req.method} ${c.req.path} 503: ${error.message}`);
      return http.fail(
        'service_unavailable',
        `${DEFAULT_MESSAGES.service_unavailable} ${STORE_DOWN}`,
        undefined,
        {
          'retry-after': '1',
        },
      );
    }
    logger?.(
      `${c.req.method} ${c.req.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return http.fail('internal_error');
  });
}
