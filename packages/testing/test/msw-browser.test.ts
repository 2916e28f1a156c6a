// In Debian's Chromium (playwright-core, never a downloaded browser): a locally served page runs MSW's
// service worker with the stateful handlers; it creates a task, advances the clock, sees completed
// and plays the result video (loadedmetadata), every request answered in the page, none on the network.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// Where the shared test setup found Chromium (scripts/prerequisites.mjs); Debian's by default.
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const PAGE_ENTRY = fileURLToPath(new URL('./browser/page.ts', import.meta.url));
const WORKER = fileURLToPath(import.meta.resolve('msw/mockServiceWorker.js'));
const HTML =
  '<!doctype html><meta charset="utf-8"><title>videotask msw</title><script type="module" src="/app.js"></script>';

let site: Server | undefined;
let siteUrl = '';
let context: BrowserContext | undefined;
let profile: string | undefined;
/** Why the browser could not start: the test fails with it (a failing hook would only skip it). */
let setupError: Error | undefined;
const networkRequests: string[] = [];

/** The page's script, bundled with esbuild (msw/browser and the mock inlined; no CDN). */
async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [PAGE_ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

async function serve(files: Record<string, { type: string; body: string }>): Promise<string> {
  site = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((resolve) => site?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    setupError = new Error(
      `Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install -y chromium).`,
    );
    return;
  }
  try {
    siteUrl = await serve({
      '/': { type: 'text/html', body: HTML },
      '/app.js': { type: 'text/javascript', body: await bundlePage() },
      '/mockServiceWorker.js': { type: 'text/javascript', body: readFileSync(WORKER, 'utf8') },
    });
    profile = mkdtempSync(join(tmpdir(), 'videotask-msw-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  } catch (error) {
    setupError = error instanceof Error ? error : new Error(String(error));
  }
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  site?.closeAllConnections();
  await new Promise((resolve) => (site ? site.close(resolve) : resolve(undefined)));
});

async function openPage(): Promise<Page> {
  if (setupError) throw setupError;
  if (!context) throw new Error('The browser did not start');
  const page = await context.newPage();
  // Whatever the worker does not answer would reach the network: recorded, and refused.
  await page.route('https://api.evolink.ai/**', (route) => {
    networkRequests.push(route.request().url());
    return route.abort();
  });
  await page.goto(siteUrl);
  await page.waitForFunction(() => 'appReady' in window || 'appError' in window, undefined, {
    timeout: 20_000,
  });
  const appError = await page.evaluate(() => (window as { appError?: string }).appError);
  if (appError) throw new Error(`the page's worker did not start: ${appError}`);
  return page;
}

type App = {
  create(prompt: string, aspectRatio?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  read(id: string): Promise<{ status: number; body: Record<string, unknown> }>;
  advance(ms: number): Promise<void>;
  play(url: string): Promise<{ width: number; height: number; duration: number }>;
};
declare const app: App;

describe('MSW in Chromium with the stateful handlers', () => {
  test('create, advance the clock, see completed, play the video', async () => {
    const page = await openPage();
    const created = await page.evaluate(() => app.create('A red kite over the dunes at dawn', '9:16'));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: 'pending', progress: 0 });
    const id = created.body.id as string;

    await page.evaluate(() => app.advance(10_000));
    expect((await page.evaluate((taskId) => app.read(taskId), id)).body.status).toBe('processing');
    await page.evaluate(() => app.advance(120_000));
    const done = await page.evaluate((taskId) => app.read(taskId), id);
    expect(done.body).toMatchObject({ status: 'completed', progress: 100 });
    const url = (done.body.results as string[])[0] as string;
    expect(url).toBe(`https://api.evolink.ai/files/${id}.mp4`);

    // The portrait fixture video, played from the worker's answer.
    const metadata = await page.evaluate((videoUrl) => app.play(videoUrl), url);
    expect(metadata).toMatchObject({ width: 90, height: 160 });
    expect(metadata.duration).toBeGreaterThan(0);

    const missing = await page.evaluate(() => app.read('task-unified-1-aaaaaaaa'));
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'task_not_found' } } });
    // Every request to the API's host was answered by the worker; none reached the network.
    expect(networkRequests).toEqual([]);
    await page.close();
  });
});
