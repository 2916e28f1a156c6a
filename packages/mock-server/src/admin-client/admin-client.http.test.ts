// The admin client over a real socket, as another repository's tests use it against `videotask-mock`.
import { afterEach, expect, test } from 'vitest';
import { type RunningMockServer, serveMockServer } from '../node/index.js';
import { createMockAdminClient, MockAdminError } from './index.js';

let running: RunningMockServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

test('over HTTP: a task is driven to its end with the manual clock, listed, and reset', async () => {
  running = await serveMockServer({ port: 0, clock: 'manual', adminToken: 'adm' });
  const admin = createMockAdminClient({ baseUrl: running.url, adminToken: 'adm' });
  const created = await fetch(`${running.url}/v1/videos/generations`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-http', 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'sora-2', prompt: 'A paper boat' }),
  });
  const { id } = (await created.json()) as { id: string };
  expect((await admin.tasks({ status: 'pending' })).map((t) => t.task.id)).toEqual([id]);
  await admin.advanceClock(10 * 60 * 1000);
  const [done] = await admin.tasks({ apiKey: 'sk-http' });
  expect(done).toMatchObject({ task: { id, status: 'completed' }, settled: true });
  await admin.reset();
  expect(await admin.tasks()).toEqual([]);
  const denied = await createMockAdminClient({ baseUrl: running.url })
    .clock()
    .catch((e: unknown) => e);
  expect(denied).toBeInstanceOf(MockAdminError);
  expect(denied).toMatchObject({ status: 401, code: 'unauthorized' });
});
