import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHar } from '@videotask/mock-server/har';
import { afterAll, expect, test } from 'vitest';
import { startRecording } from './har-record.js';

const dir = mkdtempSync(join(tmpdir(), 'contract-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('CONTRACT_RECORD writes the answers and the received callbacks as HAR, keys redacted', async () => {
  const recording = startRecording(dir);
  const upstream = async (request: Request) =>
    Response.json(
      { id: 'task-unified-1-abcdefgh', echoed: request.headers.get('authorization') },
      { status: 200 },
    );
  const recordingFetch = recording.fetchThrough(upstream as typeof fetch);
  const answer = await recordingFetch('https://api.example.com/v1/videos/generations', {
    method: 'POST',
    headers: { authorization: 'Bearer sk-live-abcdef123456', 'content-type': 'application/json' },
    body: '{"model":"sora-2","prompt":"x"}',
  });
  expect(await answer.json()).toEqual({
    id: 'task-unified-1-abcdefgh',
    echoed: 'Bearer sk-live-abcdef123456',
  });
  recording.callback(
    'https://hooks.example.com/cb',
    { 'content-type': 'application/json' },
    '{"status":"completed"}',
    200,
  );
  await recording.flush();

  const files = readdirSync(dir);
  expect(files).toEqual([expect.stringMatching(/^contract-mock-.*\.har$/)]);
  const text = readFileSync(join(dir, files[0] as string), 'utf8');
  expect(text).not.toContain('sk-live-abcdef123456');
  const entries = parseHar(text);
  expect(
    entries.map((e) => [e._videotask?.kind, e.request.method, e.request.url, e.response.status]),
  ).toEqual([
    ['api', 'POST', 'https://api.example.com/v1/videos/generations', 200],
    ['callback', 'POST', 'https://hooks.example.com/cb', 200],
  ]);
  expect(entries[0]?.request.postData?.text).toBe('{"model":"sora-2","prompt":"x"}');
  expect(entries[1]?.request.postData?.text).toBe('{"status":"completed"}');
});
