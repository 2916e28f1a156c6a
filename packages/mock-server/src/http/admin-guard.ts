// Cross-site request forgery guard for /__mock/*: a state-changing admin request a browser sends
// on behalf of another site is refused (403), so a page elsewhere cannot reset the mock, cancel
// tasks or inject faults through a visitor's browser (without an admin token the admin API has no
// credentials at all; with one, the dashboard's cookie must not be usable cross-site either).
//
// A cross-site HTML form can POST any of three content types and a bare fetch() no content type at
// all, so a content-type rule would also have to refuse bodiless POSTs (/reset, /cancel) — which
// curl, scripts and the contract suite send. Browsers instead say where a request comes from:
// `Sec-Fetch-Site` (every current browser) and `Origin` (on every cross-origin POST, older ones
// too). Clients that are not browsers send neither and are not affected.
import type { Context, Hono } from 'hono';
import type { Http } from './answer.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why this request must be refused as cross-site, or null when it may go ahead. */
export function crossSiteReason(
  method: string,
  headers: { get(name: string): string | null },
  url: string,
): string | null {
  if (SAFE_METHODS.has(method)) return null;
  const site = headers.get('sec-fetch-site');
  if (site !== null) {
    // `none`: typed by the user or a bookmark; `same-origin`: the dashboard itself.
    return site === 'same-origin' || site === 'none' ? null : `Sec-Fetch-Site is ${site}`;
  }
  const origin = headers.get('origin');
  if (origin === null) return null;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return `Origin ${origin} is not this server`;
  }
  // A proxy in front may pass the public host on; a browser cannot set this header cross-site.
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? new URL(url).host;
  return originHost === host ? null : `Origin ${origin} is not this server`;
}

/** Refuses cross-site state-changing requests under /__mock (register before the admin routes). */
export function registerAdminGuard(app: Hono, http: Http): void {
  // `/__mock/*` matches `/__mock` itself too.
  app.use('/__mock/*', async (c: Context, next) => {
    const reason = crossSiteReason(c.req.method, c.req.raw.headers, c.req.url);
    if (reason) {
      return http.fail(
        'forbidden',
        `Cross-site requests may not change the mock (${reason}); send it from the dashboard, curl or a script.`,
      );
    }
    await next();
  });
}
