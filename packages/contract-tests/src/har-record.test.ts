import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHar } from '@videotask/mock-server/har';
import { startCallbackReceiver } from '@videotask/testkit';
import { afterAll, expect, test, vi } from 'vitest';
import { recordArrival, startContractRecording, startRecording } from './har-record.js';

const dir = mkdtempSync(join(tmpdir(), 'contract-record-'));
const receiverDir = mkdtempSync(join(tmpdir(), 'contract-record-receiver-'));
afterAll(() => {
  vi.unstubAllEnvs();
  for (const d of [dir, receiverDir]) rmSync(d, { recursive: true, force: true });
});

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

  // The file is named after the target the suite runs against, so a keyless live run passes too.
  const target = (process.env.CONTRACT_TARGET ?? 'mock').toLowerCase();
  const files = readdirSync(dir);
  expect(files).toHaveLength(1);
  expect(files[0]?.startsWith(`contract-${target}-`) && files[0].endsWith('.har')).toBe(true);
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

test("with CONTRACT_RECORD, each callback the suite's receiver gets is recorded with the answer it gave", async () => {
  vi.stubEnv('CONTRACT_RECORD', receiverDir);
  const recording = startContractRecording();
  const receiver = await startCallbackReceiver({ answer: () => 503, onArrival: recordArrival });
  try {
    await fetch(`${receiver.url}/cb?x=1`, { method: 'POST', body: '{"status":"failed"}' });
  } finally {
    await receiver.close();
  }
  await recording?.flush();
  const [file] = readdirSync(receiverDir);
  const entries = parseHar(readFileSync(join(receiverDir, file as string), 'utf8'));
  expect(entries.map((e) => [e._videotask?.kind, e.request.url, e.response.status])).toEqual([
    ['callback', `${receiver.url}/cb?x=1`, 503],
  ]);
  expect(entries[0]?.request.postData?.text).toBe('{"status":"failed"}');
});
