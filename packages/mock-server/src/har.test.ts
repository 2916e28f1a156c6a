import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createHarFileSink, harEntry, parseHar, readHarSource } from './har.js';

const dir = mkdtempSync(join(tmpdir(), 'videotask-har-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = (path: string, started: Date) =>
  harEntry({
    started,
    timeMs: 1,
    method: 'GET',
    url: `https://api.example.com${path}`,
    requestHeaders: new Headers(),
    requestBody: new Uint8Array(),
    status: 200,
    responseHeaders: new Headers({ 'content-type': 'application/json' }),
    responseBody: new TextEncoder().encode('{}'),
    info: { kind: 'api', source: 'upstream' },
  });

describe('HAR files', () => {
  test('a burst of entries all reach the file, which is valid HAR after flush', async () => {
    const sinkDir = join(dir, 'burst');
    const sink = await createHarFileSink(sinkDir);
    for (let i = 0; i < 500; i++) sink.add(entry(`/v1/tasks/${i}`, new Date(Date.UTC(2026, 0, 1, 0, 0, i))));
    await sink.flush();
    expect(readdirSync(sinkDir)).toEqual([expect.stringMatching(/^videotask-.*\.har$/)]);
    const entries = parseHar(readFileSync(sink.file, 'utf8'));
    expect(entries.map((e) => new URL(e.request.url).pathname)).toEqual(
      Array.from({ length: 500 }, (_, i) => `/v1/tasks/${i}`),
    );
  });

  test('a directory is read as every .har in it, entries in time order', async () => {
    const two = join(dir, 'two');
    const a = await createHarFileSink(two, { prefix: 'a' });
    const b = await createHarFileSink(two, { prefix: 'b' });
    a.add(entry('/v1/second', new Date(2000)));
    b.add(entry('/v1/first', new Date(1000)));
    await Promise.all([a.flush(), b.flush()]);
    writeFileSync(join(two, 'notes.txt'), 'not HAR, not read');
    const { entries, files } = await readHarSource(two);
    expect(files).toHaveLength(2);
    expect(entries.map((e) => new URL(e.request.url).pathname)).toEqual(['/v1/first', '/v1/second']);
  });

  test('what is not HAR is refused with the file named', async () => {
    const bad = join(dir, 'bad.har');
    writeFileSync(bad, '{"log": {}}');
    await expect(readHarSource(bad)).rejects.toThrow(`${bad} is not a HAR file (no log.entries array)`);
    writeFileSync(bad, 'nope');
    await expect(readHarSource(bad)).rejects.toThrow(`${bad} is not JSON`);
  });
});
