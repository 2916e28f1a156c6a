// The Node entry: a real port, swagger-ui-dist assets from disk, node:dns for the callback check.
import { afterEach, describe, expect, test } from 'vitest';
import {
  type RunningMockServer,
  resolveHostWithDns,
  serveMockServer,
  swaggerUiAssets,
} from '../src/node/index.js';

let running: RunningMockServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('serveMockServer', () => {
  test('port 0 picks a free port; result URLs default to the listening address', async () => {
    running = await serveMockServer({ port: 0, clock: 'manual', credits: 10 });
    expect(running.url).toBe(`http://127.0.0.1:${running.port}`);
    expect(running.port).toBeGreaterThan(0);
    expect(running.mock.options.publicUrl).toBe(running.url);
    const res = await fetch(`${running.url}/v1/videos/generations`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sora-2', prompt: 'a boat' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    const task = (await res.json()) as { id: string };
    await running.mock.clock.advance(10 * 60_000);
    const done = (await (
      await fetch(`${running.url}/v1/tasks/${task.id}`, { headers: { authorization: 'Bearer k' } })
    ).json()) as {
      results: string[];
    };
    expect(done.results).toEqual([`${running.url}/files/${task.id}.mp4`]);
    const video = await fetch(done.results[0] as string, { headers: { range: 'bytes=0-7' } });
    expect(video.status).toBe(206);
    expect(new TextDecoder().decode((await video.arrayBuffer()).slice(4))).toBe('ftyp');
  });

  test('/docs serves swagger-ui from the installed swagger-ui-dist', async () => {
    running = await serveMockServer({ port: 0 });
    const page = await (await fetch(`${running.url}/docs`)).text();
    expect(page).toContain('SwaggerUIBundle');
    const bundle = await fetch(`${running.url}/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    const css = await fetch(`${running.url}/docs/assets/swagger-ui.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  test('a port in use is an error, not a hang', async () => {
    running = await serveMockServer({ port: 0 });
    await expect(serveMockServer({ port: running.port })).rejects.toThrow(/EADDRINUSE/);
  });

  test('close() is idempotent and frees the port', async () => {
    const first = await serveMockServer({ port: 0 });
    await Promise.all([first.close(), first.close()]);
    running = await serveMockServer({ port: first.port });
    expect(running.port).toBe(first.port);
  });
});

describe('Node helpers', () => {
  test('resolveHostWithDns resolves localhost to a loopback address', async () => {
    const addresses = await resolveHostWithDns('localhost');
    expect(addresses.some((a) => a === '127.0.0.1' || a === '::1')).toBe(true);
  });

  test('swaggerUiAssets reads files from swagger-ui-dist and refuses paths', async () => {
    const assets = swaggerUiAssets();
    expect((await assets('swagger-ui.css'))?.contentType).toBe('text/css; charset=utf-8');
    expect(await assets('../package.json')).toBeUndefined();
    expect(await assets('nope.js')).toBeUndefined();
  });
});
