// The API reference: /openapi.json (the spec), /mock-admin.json (the admin API's, when it is served) and
// /docs (swagger-ui from local assets, or a plain page from the documents).
import { adminSpec, type OpenApiDocument, spec } from '@videotask/spec';
import type { Hono } from 'hono';
import { NONCE, type SecureHeadersVariables, secureHeaders } from 'hono/secure-headers';
import type { Http } from './answer.js';
import { html, raw, type SafeHtml } from './html.js';

/** The swagger-ui-dist files the page loads. */
export const DOCS_ASSETS = [
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
] as const;

/** A document the page shows, where it is served, and its name in swagger-ui's selector. */
interface ServedDocument {
  url: string;
  name: string;
  doc: OpenApiDocument;
}

/** The swagger-ui page; its one inline script carries the answer's CSP nonce. */
function swaggerPage(title: string, documents: ServedDocument[], nonce: string): SafeHtml {
  // Script, not text: JSON with `<` escaped cannot end the script element.
  const urls = raw(
    JSON.stringify(documents.map(({ url, name }) => ({ url, name }))).replace(/</g, '\\u003c'),
  );
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — API reference</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script nonce="${nonce}">
window.ui = SwaggerUIBundle({
  urls: ${urls},
  dom_id: '#swagger-ui',
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
});
</script>
</body>
</html>
`;
}

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
}

/** A page listing every operation of each document, for runtimes without the swagger-ui files. */
function plainPage(documents: ServedDocument[]): SafeHtml {
  const info = spec.info as { title: string; version: string; description?: string };
  const sections: SafeHtml[] = [];
  const describe = (method: string, path: string, op: Operation) =>
    html`<section><h3><code>${method.toUpperCase()} ${path}</code></h3><p><strong>${
      op.summary ?? ''
    }</strong></p><pre>${op.description ?? ''}</pre></section>`;
  for (const { url, doc } of documents) {
    sections.push(html`<h2>${doc.info.title} <small><a href="${url}">${url}</a></small></h2>
`);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (op && typeof op === 'object' && 'responses' in op)
          sections.push(describe(method, path, op as Operation));
      }
    }
  }
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${info.title} — API reference</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap}</style>
</head>
<body>
<h1>${info.title} <small>${info.version}</small></h1>
<pre>${info.description ?? ''}</pre>
${sections}
</body>
</html>
`;
}

/**
 * The docs pages' security headers (hono/secure-headers): scripts from this origin and the page's own
 * inline one (by nonce); inline styles stay allowed (swagger-ui sets some); no HSTS on a local mock.
 */
const docsSecureHeaders = secureHeaders({
  strictTransportSecurity: false,
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'", NONCE],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
});

export function registerDocs(app: Hono, http: Http): void {
  const { core } = http;
  const assets = core.options.docsAssets;
  const documents: ServedDocument[] = [{ url: '/openapi.json', name: String(spec.info.title), doc: spec }];
  // The admin API's description only where the admin API is served.
  if (core.options.admin) {
    documents.push({ url: '/mock-admin.json', name: String(adminSpec.info.title), doc: adminSpec });
  }
  for (const { url, doc } of documents) {
    const text = JSON.stringify(doc);
    app.get(url, () => http.send(text, 200, { 'content-type': 'application/json; charset=utf-8' }));
  }
  const title = String(spec.info.title);
  const plain = assets ? '' : plainPage(documents).toString();
  // `/docs/*` matches `/docs` itself too.
  app.use('/docs/*', docsSecureHeaders);
  app.get('/docs', (c) => {
    const nonce = (c.var as SecureHeadersVariables).secureHeadersNonce ?? '';
    const page = assets ? swaggerPage(title, documents, nonce).toString() : plain;
    return http.send(page, 200, { 'content-type': 'text/html; charset=utf-8' });
  });
  app.get('/docs/', () => http.send(null, 301, { location: '/docs' }));
  app.get('/docs/assets/:name', async (c) => {
    const name = c.req.param('name');
    const asset =
      assets && (DOCS_ASSETS as readonly string[]).includes(name) ? await assets(name) : undefined;
    if (!asset) return http.fail('not_found', `No asset ${name}.`);
    return http.send(asset.body as BodyInit, 200, {
      'content-type': asset.contentType,
      'cache-control': 'public, max-age=3600',
    });
  });
}
