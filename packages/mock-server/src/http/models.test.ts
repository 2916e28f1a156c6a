// Every model the spec describes, through the HTTP API: its own limits, defaults, price and pace.
import { modelEntries } from '@videotask/spec';
import { createSpecValidator } from '@videotask/spec/validator';
import { afterEach, describe, expect, test } from 'vitest';
import { auth, createTask, getTask, manualServer, post } from '../../test/helpers.js';
import type { MockServer } from '../index.js';

const videoTask = createSpecValidator().schema('VideoTask');

let server: MockServer;
afterEach(async () => {
  await server?.close();
});

async function credits(s: MockServer): Promise<number> {
  const res = await s.app.request('/v1/credits', { headers: auth() });
  return ((await res.json()) as { data: { user: { remaining_credits: number } } }).data.user
    .remaining_credits;
}

async function refusal(body: unknown) {
  const res = await post(server, body);
  expect(res.status).toBe(400);
  return ((await res.json()) as { error: { code: string; message: string; param?: string } }).error;
}

/** A minimal valid body per model: the model and a prompt (MiniMax-Hailuo-02 needs one for text to video too). */
const minimal = (model: string) => ({ model, prompt: 'A lighthouse in a storm' });

describe.each(modelEntries().map((entry) => [entry.id, entry] as const))('%s', (id) => {
  test('a minimal create is accepted, names the model, reserves its price and runs to a result', async () => {
    server = manualServer({ credits: 1000 });
    const task = await createTask(server, minimal(id));
    expect(videoTask(task), JSON.stringify(videoTask.issues)).toBe(true);
    expect(task.model).toBe(id);
    const reserved = task.usage?.credits_reserved ?? 0;
    expect(reserved).toBeGreaterThan(0);
    expect(await credits(server)).toBeCloseTo(1000 - reserved, 6);
    await server.clock.advance(60 * 60 * 1000);
    const done = await getTask(server, task.id);
    expect(done.status).toBe('completed');
    expect(done.results?.[0]).toMatch(/\.mp4$/);
  });

  test('an unknown field value is refused in the envelope, naming the model', async () => {
    server = manualServer();
    const error = await refusal({ ...minimal(id), duration: 9999 });
    expect(error).toMatchObject({ code: 'invalid_request', param: 'duration' });
    expect(error.message.startsWith(`${id}: duration must be`)).toBe(true);
  });
});

describe('per-model rules from the spec', () => {
  test.each([
    [
      { model: 'MiniMax-Hailuo-2.3', prompt: 'x', quality: '1080p', duration: 10 },
      'duration',
      'MiniMax-Hailuo-2.3: duration must be 6 (1080p allows 6 s only)',
    ],
    [
      { model: 'MiniMax-Hailuo-02', quality: '512p', prompt: 'x' },
      'image_urls',
      'MiniMax-Hailuo-02: image_urls is required (512p is image to video only, with one image)',
    ],
    [
      { model: 'MiniMax-Hailuo-02' },
      'prompt',
      'MiniMax-Hailuo-02: prompt is required (text to video needs a prompt)',
    ],
    [
      { model: 'seedance-1.5-pro', prompt: 'x', quality: '4k' },
      'quality',
      'seedance-1.5-pro: quality must be one of: 480p, 720p, 1080p',
    ],
    [
      {
        model: 'veo-3.1-generate-preview',
        prompt: 'x',
        generation_type: 'REFERENCE',
        duration: 4,
        image_urls: ['https://a.example.com/r.png'],
      },
      'duration',
      'veo-3.1-generate-preview: duration must be 8 (REFERENCE fixes the duration at 8 s)',
    ],
    [
      { model: 'kling-o3-text-to-video', prompt: '', model_params: { multi_shot: true } },
      'model_params',
      'kling-o3-text-to-video: model_params.shot_type is required (multi_shot needs shot_type)',
    ],
    [
      { model: 'wan2.6-text-to-video', prompt: 'x', duration: 1 },
      'duration',
      'wan2.6-text-to-video: duration must be at least 2',
    ],
    [
      {
        model: 'sora-2-preview',
        prompt: 'x',
        image_urls: ['https://a.example.com/1.png', 'https://a.example.com/2.png'],
      },
      'image_urls',
      'sora-2-preview: image_urls must have at most 1 item',
    ],
  ])('%o is refused on %s', async (body, param, message) => {
    server = manualServer();
    expect(await refusal(body)).toEqual({
      code: 'invalid_request',
      message,
      param,
      type: 'invalid_request_error',
    });
  });

  test('an unknown model is refused, listing the models', async () => {
    server = manualServer();
    const error = await refusal({ model: 'sora-3', prompt: 'x' });
    expect(error.param).toBe('model');
    expect(error.message).toMatch(/^model must be one of: sora-2, .*seedance-1\.5-pro/);
  });

  test('REFERENCE fills in its fixed duration and aspect ratio', async () => {
    server = manualServer({ credits: 1000 });
    const body = {
      model: 'veo-3.1-generate-preview',
      prompt: 'x',
      generation_type: 'REFERENCE',
      image_urls: ['https://a.example.com/r.png'],
    };
    const task = await createTask(server, body);
    expect(task.task_info?.video_duration).toBe(8);
    // 12.672 credits/s × 8 s × audio on (×2, the default).
    expect(task.usage?.credits_reserved).toBeCloseTo(202.752, 6);
  });

  test('a failed task returns its model price', async () => {
    server = manualServer({ credits: 100 });
    const task = await createTask(
      server,
      { model: 'kling-o3-text-to-video', prompt: 'x', duration: 10, sound: 'on' },
      {
        'x-mock-scenario': 'fail:service_error',
      },
    );
    // 5.4 credits/s × 10 s × 1.334 (720p, sound on).
    expect(task.usage?.credits_reserved).toBeCloseTo(72.036, 6);
    expect(await credits(server)).toBeCloseTo(100 - 72.036, 6);
    await server.clock.advance(60 * 60 * 1000);
    expect((await getTask(server, task.id)).status).toBe('failed');
    expect(await credits(server)).toBeCloseTo(100, 6);
  });

  test('a longer video takes longer on the clock', async () => {
    server = manualServer({ credits: 1000 });
    const short = await createTask(server, { model: 'seedance-1.5-pro', prompt: 'x', duration: 4 });
    const long = await createTask(server, { model: 'seedance-1.5-pro', prompt: 'x', duration: 12 });
    // 4 s: at most 3.5 + 4 × 10 s; 12 s: at least 2 + 12 × 6 s.
    await server.clock.advance(44_000);
    expect((await getTask(server, short.id)).status).toBe('completed');
    expect((await getTask(server, long.id)).status).toBe('processing');
  });
});
