// The Hono app: request ids, injected faults, the API, files, docs, admin routes, 404 and 405 envelopes.
import { Hono } from 'hono';
import { ADMIN_ROUTES, registerAdmin } from './admin.js';
import { registerApi } from './api.js';
import type { MockCore } from './core.js';
import { registerDocs } from './docs.js';
import { codeForStatus } from './errors.js';
import { fail } from './respond.js';

/** Method(s) each path answers; any other method gets 405 with `Allow`. */
const API_ROUTES: [string, string][] = [
  ['/v1/videos/generations', 'POST'],
  ['/v1/tasks/:task_id', 'GET, HEAD'],
  ['/v1/credits', 'GET, HEAD'],
  ['/files/:file', 'GET, HEAD'],
  ['/openapi.json', 'GET, HEAD'],
  ['/docs', 'GET, HEAD'],
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createApp(core: MockCore): Hono {
  const app = new Hono();
  const { logger } = core.options;

  app.use(async (c, next) => {
    const requestId = core.nextRequestId();
    c.header('x-request-id', requestId);
    const started = logger ? performance.now() : 0;
    if (core.faults.size && c.req.path.startsWith('/v1/')) {
      const fault = core.faults.take(c.req.path);
      if (fault?.delayMs) await sleep(fault.delayMs);
      if (fault?.status) {
        const code = codeForStatus(fault.status);
        const headers: Record<string, string> = {};
        if (fault.status !== 500) headers['retry-after'] = String(fault.retryAfter ?? 1);
        const response = fail(c, code, undefined, undefined, headers);
        logger?.(`${c.req.method} ${c.req.path} ${fault.status} (injected fault)`);
        return response;
      }
    }
    await next();
    // Responses built by hand (video files) do not carry the headers set through the context.
    if (!c.res.headers.has('x-request-id')) c.res.headers.set('x-request-id', requestId);
    if (logger) {
      logger(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)} ms`);
    }
  });

  registerApi(app, core);
  registerDocs(app, core.options.docsAssets);
  if (core.options.admin) registerAdmin(app, core);

  const allowed = new Map<string, string>(API_ROUTES);
  if (core.options.admin) {
    for (const [method, path] of ADMIN_ROUTES) {
      const before = allowed.get(path);
      allowed.set(path, before ? `${before}, ${method}` : method === 'GET' ? 'GET, HEAD' : method);
    }
  }
  for (const [path, methods] of allowed) {
    app.all(path, (c) =>
      fail(
        c,
        'method_not_allowed',
        `${c.req.method} is not allowed on ${c.req.path}; use ${methods}.`,
        undefined,
        {
          allow: methods,
        },
      ),
    );
  }

  app.notFound((c) => fail(c, 'not_found', `No route ${c.req.method} ${c.req.path}.`));
  app.onError((error, c) => {
    logger?.(
      `${c.req.method} ${c.req.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return fail(c, 'internal_error');
  });
  return app;
}
