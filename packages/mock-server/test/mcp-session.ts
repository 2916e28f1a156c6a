// What an agent does with the mock over MCP, for every transport's test: create a task through the public
// API, move the manual clock to its end, find the callback in the delivery log, redeliver it.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallbackReceiver } from '@videotask/testkit';
import { expect } from 'vitest';

/** The public API as the agent reaches it (the mock's `fetch` in process, a real fetch to a port). */
export type PublicApi = (path: string, init?: RequestInit) => Promise<Response>;

/** A tool's structured result; a tool error fails the test with the API's envelope. */
export async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
  return result.structuredContent as Record<string, unknown>;
}

/** The whole session; answers what it saw, for the caller to check further. */
export async function agentSession(client: Client, api: PublicApi, receiver: CallbackReceiver) {
  const created = await api('/v1/videos/generations', {
    method: 'POST',
    headers: { authorization: 'Bearer sk-agent', 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'sora-2',
      prompt: 'A cat at a piano',
      callback_url: `${receiver.url}/hook`,
    }),
  });
  expect(created.status).toBe(200);
  const { id } = (await created.json()) as { id: string };
  const task = await call(client, 'getMockTask', { id });
  const { endAt } = task.timeline as { endAt: number };
  const clock = await call(client, 'getMockClock');
  expect(clock.mode).toBe('manual');
  await call(client, 'advanceMockClock', { ms: endAt - (clock.now as number) });
  await receiver.waitFor('/hook', 1);
  await call(client, 'waitForMockDeliveries', {});
  const log = await call(client, 'listMockDeliveries', { task_id: id });
  expect(log.data).toMatchObject([{ taskId: id, attempt: 1, outcome: 'delivered', status: 200 }]);
  const redelivered = await call(client, 'redeliverMockTask', { id, mutate: 'duplicate' });
  expect(redelivered).toMatchObject({ taskId: id, mutate: 'duplicate' });
  const arrivals = await receiver.waitFor('/hook', 2);
  await call(client, 'waitForMockDeliveries', {});
  // The same event again: the duplicate carries the first delivery's webhook-id.
  expect(arrivals[1]?.headers['webhook-id']).toBe(arrivals[0]?.headers['webhook-id']);
  const resource = await client.readResource({ uri: 'videotask-mock://deliveries' });
  const text = (resource.contents[0] as { text: string }).text;
  const all = JSON.parse(text) as { data: { taskId: string }[] };
  expect(all.data.filter((a) => a.taskId === id)).toHaveLength(2);
  return { id, arrivals };
}
