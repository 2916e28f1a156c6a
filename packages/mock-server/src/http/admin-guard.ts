// Cross-site request forgery guard for /__mock/*: a state-changing admin request a browser sends
// on behalf of another site is refused (403), so a page elsewhere cannot reset the mock, cancel
// tasks or inject faults through a visitor's browser (without an admin token the admin API has no
// credentials at all; with one, the dashboard's cookie must not be usable cross-site either).
//
// hono/csrf decides: a request passes when its `Sec-Fetch-Site` is `same-origin` or `none` (typed by
// the user), or its `Origin` is this server; it checks the content types a cross-site page can send
// without a CORS preflight (forms, text/plain, and none at all, as a bare fetch() or a bodiless POST).
// Clients that are not browsers send neither header (curl, scripts, the contract suite): csrf would
// refuse their bodiless POSTs (/reset, /cancel), so they skip it.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { Http } from './answer.js';

/** Whether `origin` names this server (a proxy in front may pass the public host on; a browser cannot set it cross-site). */
function isThisServer(origin: string, c: Context): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // `null` (a sandboxed page) or garbage
  }
  return host === (c.req.header('x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host);
}

const browserGuard = csrf({ origin: isThisServer, secFetchSite: ['same-origin', 'none'] });

/** Refuses cross-site state-changing requests under /__mock (register before the admin routes). */
export function registerAdminGuard(app: Hono, http: Http): void {
  const guard: MiddlewareHandler = async (c, next) => {
    if (c.req.header('sec-fetch-site') === undefined && c.req.header('origin') === undefined) return next();
    try {
      // csrf answers by throwing; what comes after it (next) answers as usual.
      await browserGuard(c, next);
    } catch (error) {
      if (!(error instanceof HTTPException && error.status === 403)) throw error;
      return http.fail(
        'forbidden',
        'Cross-site requests may not change the mock; send it from the dashboard, curl or a script.',
      );
    }
  };
  // `/__mock/*` matches `/__mock` itself too.
  app.use('/__mock/*', guard);
}
