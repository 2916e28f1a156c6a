// The public catalog reads, no key needed: GET /v1/catalog/models and /v1/catalog/health, cacheable
// (Cache-Control, and Hono's etag middleware answers If-None-Match with 304).
import type { Hono } from 'hono';
import { etag } from 'hono/etag';
import { catalogHealth, catalogModels } from '../core/catalog.js';
import type { Http } from './answer.js';

/** How long a client may keep each answer, in seconds (the vendor's clients cache 5 min and 30 s). */
export const CATALOG_MAX_AGE = { models: 300, health: 30 } as const;

export function registerCatalog(app: Hono, http: Http): void {
  const { core } = http;
  app.use('/v1/catalog/*', etag());
  const read = (path: string, maxAge: number, render: typeof catalogModels | typeof catalogHealth) =>
    app.get(path, async () => {
      const fault = core.store.mayHaveFaults ? await core.injectedFault(path) : undefined;
      if (fault) return http.refused(fault);
      const body = render(await core.modelStatuses());
      return http.json(body, 200, { 'cache-control': `public, max-age=${maxAge}` });
    });
  read('/v1/catalog/models', CATALOG_MAX_AGE.models, catalogModels);
  read('/v1/catalog/health', CATALOG_MAX_AGE.health, catalogHealth);
}
