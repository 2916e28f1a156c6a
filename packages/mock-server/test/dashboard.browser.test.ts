// The dashboard in a real browser: Debian's Chromium (never a downloaded one) driven by playwright-core,
// against the mock on a real port with a manual clock and a local callback receiver. Creates a task
// from the form, advances the clock from the page, waits for completed, a loaded <video> and a
// delivered callback attempt, and saves a screenshot; then checks live updates from outside the page,
// the other controls, and a narrow window.
//
// The screenshot goes to reports/dashboard.png on every run (an output, so runs leave the tree clean);
// UPDATE_SCREENSHOT=1 also writes docs/dashboard.png, the one the README shows.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Arrival, type CallbackReceiver, startCallbackReceiver } from '@videotask/testkit';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMockAdminClient } from '../src/admin-client/index.js';
import { type RunningMockServer, serveMockServer } from '../src/node/index.js';
import { sseReader } from './dashboard-helpers.js';

// Where the shared test setup found Chromium (scripts/prerequisites.mjs); Debian's by default.
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOT = fileURLToPath(new URL('../reports/dashboard.png', import.meta.url));
const README_SCREENSHOT = fileURLToPath(new URL('../docs/dashboard.png', import.meta.url));
/** Fixed, so task ids (and the screenshot) do not depend on the day. */
const START = Date.UTC(2025, 0, 1, 12);
const PROMPT = '<img src=x onerror=alert(1)> a fox in the snow';
/** Auto-waiting expectations give up after this (the whole flow takes about a second). */
const WAIT = 15_000;

let mock: RunningMockServer | undefined;
let mockUrl: string;
let receiver: CallbackReceiver | undefined;
const HOOK_PATH = '/hooks/video';
let receiverUrl: string;
let context: BrowserContext | undefined;
/** The task the first test creates from the form. */
let firstId = '';
let profile: string | undefined;
const dialogs: string[] = [];
const pageErrors: string[] = [];
const failedRequests: string[] = [];
const timings: Record<string, number> = {};

/** Why the browser could not start: each test fails with it (a failing hook would only skip them). */
let setupError: Error | undefined;

/** The callback receiver (it starts before the browser). */
function callbacks(): CallbackReceiver {
  if (!receiver) throw setupError ?? new Error('The receiver did not start');
  return receiver;
}

/** The browser context, or the reason it is missing, thrown inside the test. */
function browser(): BrowserContext {
  if (setupError) throw setupError;
  if (!context) throw new Error('The browser did not start');
  return context;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    setupError = new Error(
      `Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install -y chromium; .ci/run does). ` +
        'This test never downloads a browser.',
    );
    return;
  }
  try {
    await setUp();
  } catch (error) {
    setupError = error instanceof Error ? error : new Error(String(error));
  }
}, 60_000);

async function setUp() {
  const t0 = performance.now();
  receiver = await startCallbackReceiver({ answer: () => 204 });
  receiverUrl = `${receiver.url}${HOOK_PATH}`;

  // The mock as `videotask-mock` runs it: a real port (0: any free one), result URLs pointing at it.
  mock = await serveMockServer({
    port: 0,
    clock: 'manual',
    startTime: START,
    seed: 'browser',
    allowLocalCallbacks: true,
    // A clock advance waits for each callback attempt's answer (the receiver answers at once) rather
    // than 200 ms of real time: on a busy machine the advance would otherwise pass the attempt's
    // 10 s timeout on the mock's clock and send retries the receiver counts.
    deliveryGraceMs: 30_000,
  });
  mockUrl = mock.url;

  profile = mkdtempSync(join(tmpdir(), 'videotask-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1360, height: 1000 },
  });
  timings.launchMs = performance.now() - t0;
}

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await mock?.close();
  await receiver?.close();
  console.info(
    `dashboard browser test: ${Object.entries(timings)
      .map(([k, v]) => `${k} ${Math.round(v)} ms`)
      .join(', ')}`,
  );
});

function watch(page: Page) {
  page.on('dialog', (dialog) => {
    // The reset button asks first; any other dialog (an alert from injected markup) is a failure.
    if (dialog.type() === 'confirm' && dialog.message().startsWith('Reset the mock?')) {
      void dialog.accept();
      return;
    }
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // Failed requests are checked by URL below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      pageErrors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      failedRequests.push(
        `${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`,
      );
  });
  page.on('requestfailed', (request) => {
    // The page's event stream is cut when the page closes.
    if (!request.url().endsWith('/events'))
      failedRequests.push(`failed ${request.method()} ${request.url()}`);
  });
}

describe('the dashboard in Chromium', () => {
  test('create from the form, advance the clock, see completed, the video and the callback attempt', async () => {
    const page = await browser().newPage();
    const t0 = performance.now();
    watch(page);
    page.setDefaultTimeout(WAIT);
    await page.goto(`${mockUrl}/__mock/ui`);
    await expect.poll(() => page.locator('#live').textContent(), { timeout: WAIT }).toBe('updates: live');

    // Create a task from the form, with the receiver as its callback.
    await page.getByLabel('Prompt').fill(PROMPT);
    await page.getByLabel('Aspect ratio').selectOption('9:16');
    await page.getByLabel(/^Scenario/).fill('success');
    await page.getByLabel(/^Callback URL/).fill(receiverUrl);
    await page.getByRole('button', { name: 'Create task' }).click();
    const notice = page.locator('#notice');
    await notice.filter({ hasText: 'Created task' }).waitFor();
    const id = /task-unified-\d+-[a-z0-9]{8}/.exec((await notice.textContent()) ?? '')?.[0];
    expect(id).toBeDefined();
    firstId = id as string;
    // The prompt is shown as text, never as markup.
    expect(await notice.textContent()).toContain(PROMPT);
    expect(await page.locator('img').count()).toBe(0);

    // The new task is in the table and open in the task view.
    const row = page.locator('tbody[data-part="rows"] tr', { hasText: id as string });
    await row.locator('.badge', { hasText: 'pending' }).waitFor();
    await page.locator('#task-heading', { hasText: id as string }).waitFor();
    await expect
      .poll(() => page.locator('#task-json').textContent(), { timeout: WAIT })
      .toContain('"pending"');
    timings.createdMs = performance.now() - t0;

    // Advance the manual clock from the page (its end is at most a minute and a bit away).
    await page.getByRole('button', { name: '+10 min' }).click();
    await notice.filter({ hasText: 'Clock advanced by 600,000 ms' }).waitFor();
    await row.locator('.badge', { hasText: 'completed' }).waitFor();
    await expect.poll(() => row.locator('progress').getAttribute('value'), { timeout: WAIT }).toBe('100');
    timings.completedMs = performance.now() - t0;

    // The task view: the API's JSON, the video loaded, the callback attempt with its headers and body.
    const json = JSON.parse((await page.locator('#task-json').textContent()) ?? '{}');
    expect(json).toMatchObject({
      id,
      status: 'completed',
      progress: 100,
      results: [`${mockUrl}/files/${id}.mp4`],
    });
    const video = page.locator('#task-view video');
    await video.waitFor();
    expect(await video.getAttribute('src')).toBe(`/files/${id}.mp4`);
    await page.waitForFunction(
      () => {
        const v = document.querySelector<HTMLVideoElement>('#task-view video');
        return v !== null && v.readyState >= 1 && v.videoHeight > 0;
      },
      null,
      { timeout: WAIT },
    );
    const size = await video.evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight, v.duration]);
    expect(size).toEqual([90, 160, 1]);
    timings.videoMs = performance.now() - t0;

    const attempt = page.locator('[data-part="task-deliveries"] .attempt').first();
    await attempt.filter({ hasText: 'delivered' }).waitFor();
    expect(await attempt.textContent()).toContain('HTTP 204');
    expect(callbacks().arrivals).toHaveLength(1);
    const sent = callbacks().arrivals[0] as Arrival;
    await attempt.locator('summary').click();
    const detail = attempt.locator('details');
    expect(await detail.textContent()).toContain(String(sent.headers['webhook-signature']));
    expect(await detail.locator('pre').textContent()).toBe(sent.rawBody);
    expect(JSON.parse(sent.rawBody)).toEqual(json);
    timings.callbackMs = performance.now() - t0;
    expect(dialogs).toEqual([]);
    mkdirSync(fileURLToPath(new URL('../reports/', import.meta.url)), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    const png = readFileSync(SCREENSHOT);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
    if (process.env.UPDATE_SCREENSHOT === '1') copyFileSync(SCREENSHOT, README_SCREENSHOT);

    // Keyboard: Escape closes the task view and focus returns to the task's row.
    await page.locator('#task-heading').focus();
    await page.keyboard.press('Escape');
    await page.locator('#task-view').waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-focus-key')), {
        timeout: WAIT,
      })
      .toBe(`row:${id}`);
    await page.keyboard.press('Enter');
    await page.locator('#task-view').waitFor({ state: 'visible' });
    await page.locator('#task-view video').waitFor();
    await page.waitForFunction(
      () => (document.querySelector<HTMLVideoElement>('#task-view video')?.readyState ?? 0) >= 1,
      null,
      { timeout: WAIT },
    );

    // An API error is shown in the page.
    await page.getByLabel('Prompt').fill('');
    await page.getByRole('button', { name: 'Create task' }).click();
    await page.locator('#error', { hasText: 'HTTP 400 invalid_request (prompt)' }).waitFor();

    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    // The only failed request is the one made to fail.
    expect(failedRequests).toEqual(['400 POST /v1/videos/generations']);
    timings.totalMs = performance.now() - t0;
    await page.close();
  }, 60_000);

  test('updates by itself, and every control reaches the admin API', async () => {
    const page = await browser().newPage();
    if (!firstId) throw new Error('The first test did not create its task');
    const t0 = performance.now();
    watch(page);
    page.setDefaultTimeout(WAIT);
    await page.goto(`${mockUrl}/__mock/ui`);
    await expect.poll(() => page.locator('#live').textContent(), { timeout: WAIT }).toBe('updates: live');

    // Another client creates a task and moves the clock: the page follows through the event stream alone.
    const created = await fetch(`${mockUrl}/v1/videos/generations`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer sk-another-client',
        'content-type': 'application/json',
        'x-mock-scenario': 'stuck',
      },
      body: JSON.stringify({ model: 'sora-2', prompt: 'from outside the page' }),
    });
    const outside = (await created.json()) as { id: string };
    const row = page.locator('tbody[data-part="rows"] tr', { hasText: outside.id });
    await row.locator('.badge', { hasText: 'pending' }).waitFor();
    await createMockAdminClient({ baseUrl: mockUrl }).advanceClock(5000);
    await row.locator('.badge', { hasText: 'processing' }).waitFor();
    expect(await row.textContent()).toContain('sk-ano…ient');

    // Cancel it from its task view.
    await row.getByRole('link').click();
    await page.locator('#task-heading', { hasText: outside.id }).waitFor();
    await page.getByRole('button', { name: 'Cancel task' }).click();
    await page.locator('#notice', { hasText: `Task ${outside.id} cancelled` }).waitFor();
    await row.locator('.badge', { hasText: 'failed' }).waitFor();
    await expect
      .poll(() => page.locator('#task-json').textContent(), { timeout: WAIT })
      .toContain('request_cancelled');

    // Redeliver the first task's callback with a bad signature: a fresh delivery reaches the receiver.
    await page.evaluate((id) => {
      location.hash = `task=${id}`;
    }, firstId);
    await page.getByLabel('Mutation').selectOption('bad-signature');
    await page.getByRole('button', { name: 'Redeliver callback' }).click();
    await page.locator('#notice', { hasText: '(bad-signature) sent to' }).waitFor();
    const [original, again] = (await callbacks().waitFor(HOOK_PATH, 2, WAIT)) as [Arrival, Arrival];
    expect(callbacks().arrivals).toHaveLength(2);
    expect(again.headers['webhook-id']).not.toBe(original.headers['webhook-id']);
    await page
      .locator('[data-part="task-deliveries"] .attempt', { hasText: 'bad-signature' })
      .filter({ hasText: 'delivered' })
      .waitFor();

    // Inject a fault; the next create from the form meets it, and the page shows the API's answer.
    await page.locator('#fault-status').selectOption('503');
    await page.getByLabel('Count').fill('1');
    await page.getByRole('button', { name: 'Inject fault' }).click();
    await page.locator('[data-part="faults"]', { hasText: 'answers 503' }).waitFor();
    await page.getByRole('button', { name: 'Create task' }).click();
    await page.locator('#error', { hasText: 'HTTP 503 service_unavailable' }).waitFor();
    await page.locator('[data-part="faults"]', { hasText: 'No fault pending.' }).waitFor();

    // Retire a model from the Models card; a create for it then shows the API's 403.
    await page.locator('#model-id').selectOption('seedance-1.5-pro');
    await page.locator('#model-state').selectOption('retired');
    await page.getByRole('button', { name: 'Set state' }).click();
    await page.locator('#notice', { hasText: 'seedance-1.5-pro is now retired.' }).waitFor();
    await page
      .locator('[data-part="models"] li', { hasText: 'seedance-1.5-pro' })
      .filter({ hasText: 'retired' })
      .waitFor();
    await page.locator('#create-model').selectOption('seedance-1.5-pro');
    await page.getByRole('button', { name: 'Create task' }).click();
    await page.locator('#error', { hasText: 'HTTP 403 model_access_denied' }).waitFor();
    await page.locator('#create-model').selectOption('sora-2');

    // Set the manual clock an hour on from the Clock time card; a real clock's verbs are off here.
    const hourOn = new Date(START + 3_600_000 + 5000).toISOString();
    await page.getByLabel(/^Set to/).fill(hourOn);
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await page.locator('#notice', { hasText: `Clock set: now ${hourOn}, factor 1.` }).waitFor();
    expect(await page.getByRole('button', { name: 'Scale' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Pause' }).isDisabled()).toBe(true);

    // Reset (confirmed in the dialog): the page empties itself.
    await page.getByRole('button', { name: 'Reset the mock' }).click();
    await page.locator('#notice', { hasText: 'The mock was reset.' }).waitFor();
    await page.locator('[data-part="counts"]', { hasText: '0 tasks' }).waitFor();
    await page.locator('#task-view').waitFor({ state: 'hidden' });

    // A narrow window: nothing is wider than the window (the table scrolls in its own box).
    await fetch(`${mockUrl}/v1/videos/generations`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-narrow', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sora-2', prompt: 'narrow' }),
    });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.locator('tbody[data-part="rows"] tr a').first().click();
    await page.locator('#task-view').waitFor({ state: 'visible' });
    await page.locator('[data-part="task-facts"] dl').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: SCREENSHOT.replace('.png', '-narrow.png'), fullPage: true });

    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    // Besides the first test's: the create that met the injected fault, and the one for a retired model.
    expect(failedRequests).toEqual([
      '400 POST /v1/videos/generations',
      '503 POST /v1/videos/generations',
      '403 POST /v1/videos/generations',
    ]);
    timings.controlsMs = performance.now() - t0;
    await page.close();

    // The pages' event streams were released by the server when they closed: a new one is alone.
    const openPages = async () => {
      const events = sseReader(await fetch(`${mockUrl}/__mock/ui/events`));
      const first = JSON.parse((await events.next()).data) as { pages: number };
      await events.cancel();
      return first.pages;
    };
    await expect.poll(openPages, { timeout: WAIT }).toBe(1);
  }, 60_000);
});
