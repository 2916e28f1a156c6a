import { adminSpec, spec } from '@videotask/spec';
import { afterEach, describe, expect, test } from 'vitest';
import { manualServer } from '../../test/helpers.js';
import type { DocsAssetProvider, MockServer } from '../index.js';

let server: MockServer;
afterEach(async () => {
  await server?.close();
});

describe('API reference', () => {
  test('/openapi.json is the spec', async () => {
    server = manualServer();
    const res = await server.app.request('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(spec);
  });

  test('/mock-admin.json is the admin API description, served only where the admin API is', async () => {
    server = manualServer();
    const res = await server.app.request('/mock-admin.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(adminSpec);
    await server.close();
    server = manualServer({ admin: false });
    expect((await server.app.request('/mock-admin.json')).status).toBe(404);
    expect(await (await server.app.request('/docs')).text()).not.toContain('/__mock');
  });

  test('without an asset provider, /docs is a plain page rendered from the spec (no external URL)', async () => {
    server = manualServer();
    const res = await server.app.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    for (const line of [
      'POST /v1/videos/generations',
      'GET /v1/tasks/{task_id}',
      'GET /v1/credits',
      'Create a video generation task',
      'POST /__mock/clock/advance',
      'Move a manual clock',
      'href="/mock-admin.json"',
    ]) {
      expect(html).toContain(line);
    }
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect((await server.app.request('/docs/assets/swagger-ui.css')).status).toBe(404);
  });

  test('with an asset provider, /docs is swagger-ui loading local assets and /openapi.json', async () => {
    const asked: string[] = [];
    const assets: DocsAssetProvider = async (name) => {
      asked.push(name);
      return { body: `/* ${name} */`, contentType: name.endsWith('.css') ? 'text/css' : 'text/javascript' };
    };
    server = manualServer({ docsAssets: assets });
    const page = await server.app.request('/docs');
    const html = await page.text();
    expect(html).toContain('SwaggerUIBundle');
    // A strict CSP: the one inline script runs by its nonce, a fresh one per answer.
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    const nonce = /<script nonce="([^"]+)">/.exec(html)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const again = await server.app.request('/docs');
    expect(again.headers.get('content-security-policy')).not.toBe(csp);
    // Both documents, in swagger-ui's selector: the public API first.
    const urls = JSON.parse(/urls: (\[.*\]),/.exec(html)?.[1] ?? '[]');
    expect(urls).toEqual([
      { url: '/openapi.json', name: spec.info.title },
      { url: '/mock-admin.json', name: adminSpec.info.title },
    ]);
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual([
      '/docs/assets/swagger-ui.css',
      '/docs/assets/swagger-ui-bundle.js',
      '/docs/assets/swagger-ui-standalone-preset.js',
    ]);
    for (const src of sources) {
      const res = await server.app.request(src as string);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(src?.split('/').at(-1));
    }
    // Only the page's own files are asked for.
    expect((await server.app.request('/docs/assets/package.json')).status).toBe(404);
    expect(asked).toEqual(['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js']);
  });
});
