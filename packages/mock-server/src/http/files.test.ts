import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, onTestFinished, test } from 'vitest';
import { renderVideosModule } from '../../scripts/embed-fixtures.js';
import { createTask, manualServer, UNTIL_ANY_END_MS } from '../../test/helpers.js';
import type { MockServer } from '../index.js';
import { isPortrait, parseRange, videoFor } from './files.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));

/** Width and height of the first track, from its `tkhd` box (16.16 fixed point, the box's last 8 bytes). */
function trackSize(mp4: Uint8Array): [number, number] {
  const text = new TextDecoder('latin1').decode(mp4);
  const at = text.indexOf('tkhd');
  const view = new DataView(mp4.buffer, mp4.byteOffset);
  const size = view.getUint32(at - 4);
  const end = at - 4 + size;
  return [view.getUint32(end - 8) / 65536, view.getUint32(end - 4) / 65536];
}

describe('the MP4 fixtures', () => {
  test('src/http/videos.generated.ts matches fixtures/*.mp4 (run `pnpm fixtures` after changing them)', () => {
    expect(readFileSync(new URL('./videos.generated.ts', import.meta.url), 'utf8')).toBe(
      renderVideosModule(),
    );
    expect(videoFor('16:9')).toEqual(fixture('landscape.mp4'));
    expect(videoFor('9:16')).toEqual(fixture('portrait.mp4'));
  });

  test('they are small H.264 MP4s, landscape 16:9 and portrait 9:16', () => {
    for (const [name, size] of [
      ['landscape.mp4', [160, 90]],
      ['portrait.mp4', [90, 160]],
    ] as const) {
      const mp4 = fixture(name);
      expect(mp4.length).toBeLessThan(10_000);
      const text = new TextDecoder('latin1').decode(mp4);
      expect(text.slice(4, 8)).toBe('ftyp');
      expect(text).toContain('moov');
      expect(text).toContain('avc1');
      // faststart: the index comes before the media data, so a player can start at once.
      expect(text.indexOf('moov')).toBeLessThan(text.indexOf('mdat'));
      expect(trackSize(mp4)).toEqual(size);
    }
  });
});

describe('parseRange', () => {
  test.each([
    [undefined, null],
    ['bytes=0-9', { start: 0, end: 9 }],
    ['bytes=10-', { start: 10, end: 99 }],
    ['bytes=-10', { start: 90, end: 99 }],
    ['bytes=-1000', { start: 0, end: 99 }],
    ['bytes=90-1000', { start: 90, end: 99 }],
    ['BYTES = 1 - 2', { start: 1, end: 2 }],
    ['bytes=100-', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=5-1', null],
    ['bytes=0-1,5-6', null],
    ['items=0-1', null],
    ['bytes=-', null],
  ])('%s on 100 bytes → %j', (header, expected) => {
    expect(parseRange(header, 100)).toEqual(expected);
  });
});

describe('GET /files/<task_id>.mp4', () => {
  let server: MockServer;
  afterEach(async () => {
    await server?.close();
  });

  async function completed(body: Record<string, unknown> = {}) {
    server = manualServer();
    const task = await createTask(server, body);
    await server.clock.advance(UNTIL_ANY_END_MS);
    return task;
  }

  test('serves the whole video as video/mp4, with Accept-Ranges', async () => {
    const task = await completed();
    const res = await server.app.request(`/files/${task.id}.mp4`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(bytes).toEqual(fixture('landscape.mp4'));
  });

  test('a portrait task gets the portrait video', async () => {
    const task = await completed({ aspect_ratio: '9:16' });
    const res = await server.app.request(`/files/${task.id}.mp4`);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(fixture('portrait.mp4'));
  });

  test('a range answers 206 with Content-Range; an impossible one 416', async () => {
    const task = await completed();
    const whole = fixture('landscape.mp4');
    const part = await server.app.request(`/files/${task.id}.mp4`, { headers: { range: 'bytes=8-15' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 8-15/${whole.length}`);
    expect(part.headers.get('content-length')).toBe('8');
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(whole.subarray(8, 16));
    const tail = await server.app.request(`/files/${task.id}.mp4`, { headers: { range: 'bytes=-4' } });
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(whole.subarray(whole.length - 4));
    const beyond = await server.app.request(`/files/${task.id}.mp4`, {
      headers: { range: `bytes=${whole.length}-` },
    });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${whole.length}`);
  });

  test('HEAD answers the headers only', async () => {
    const task = await completed();
    const res = await server.app.request(`/files/${task.id}.mp4`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  test('expires 24 h after completion (404)', async () => {
    const task = await completed();
    const endAt = (await server.tasks.get(task.id))?.timeline.endAt as number;
    await server.clock.advance(endAt + 24 * 3600 * 1000 - 1 - server.clock.now());
    expect((await server.app.request(`/files/${task.id}.mp4`)).status).toBe(200);
    await server.clock.advance(1);
    const gone = await server.app.request(`/files/${task.id}.mp4`);
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.code).toBe('not_found');
  });

  test('unknown, unfinished and failed tasks have no video (404)', async () => {
    server = manualServer();
    const running = await createTask(server);
    const failing = await createTask(server, {}, { 'x-mock-scenario': 'moderation' });
    expect((await server.app.request(`/files/${running.id}.mp4`)).status).toBe(404);
    await server.clock.advance(UNTIL_ANY_END_MS);
    expect((await server.app.request(`/files/${failing.id}.mp4`)).status).toBe(404);
    expect((await server.app.request('/files/task-unified-1-aaaaaaaa.mp4')).status).toBe(404);
    expect((await server.app.request(`/files/${running.id}.webm`)).status).toBe(404);
  });
});

describe('which video a model gets', () => {
  test.each([
    ['9:16', true],
    ['3:4', true],
    ['720x1280', true],
    ['16:9', false],
    ['1280x720', false],
    ['1:1', false],
    ['auto', false],
    ['', false],
  ])('%s → portrait %s', (ratio, portrait) => {
    expect(isPortrait(ratio)).toBe(portrait);
    expect(videoFor(ratio)).toBe(videoFor(portrait ? '9:16' : '16:9'));
  });

  test('a sora-2-preview task at 720x1280 plays the portrait video', async () => {
    const server = manualServer({ credits: 1000 });
    onTestFinished(() => server.close());
    const task = await createTask(server, {
      model: 'sora-2-preview',
      prompt: 'tall',
      aspect_ratio: '720x1280',
    });
    await server.clock.advance(UNTIL_ANY_END_MS);
    const res = await server.app.request(`/files/${task.id}.mp4`);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(videoFor('9:16'));
  });
});
