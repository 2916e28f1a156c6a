// --unsigned-callbacks: callbacks go out as the live API sends them, without the signature headers.
import { adminSpec } from '@videotask/spec';
import { createSpecValidator } from '@videotask/spec/validator';
import { afterEach, describe, expect, test } from 'vitest';
import { admin, createTask, manualServer, UNTIL_ANY_END_MS } from '../../test/helpers.js';
import type { MockServer } from '../index.js';
import { createComposer } from './compose.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
let server: MockServer;
afterEach(async () => {
  await server?.close();
});

function recordingFetch() {
  const sent: Record<string, string>[] = [];
  const fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(Object.fromEntries(new Headers(init?.headers).entries()));
    return new Response(null, { status: 204 });
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

describe('unsigned callbacks', () => {
  test('the composer leaves out webhook-timestamp and webhook-signature, keeps webhook-id', async () => {
    const signed = await createComposer(SECRET, true).compose('msg_1', 1_000_000, '{}', null);
    const unsigned = await createComposer(SECRET, false).compose('msg_1', 1_000_000, '{}', null);
    expect(Object.keys(signed.headers)).toContain('webhook-signature');
    expect(unsigned.headers).toEqual({
      'content-type': 'application/json',
      'user-agent': 'videotask-mock',
      'webhook-id': 'msg_1',
    });
  });

  test('a task callback goes out unsigned and its attempt records signed: false', async () => {
    const { fetch, sent } = recordingFetch();
    server = manualServer({ fetch, unsignedCallbacks: true });
    const task = await createTask(server, { callback_url: 'https://hooks.example.com/a' });
    await server.clock.advance(UNTIL_ANY_END_MS);
    await server.deliveries.idle();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.['webhook-id']).toMatch(/^msg_/);
    expect(sent[0]).not.toHaveProperty('webhook-signature');
    expect(sent[0]).not.toHaveProperty('webhook-timestamp');
    const [attempt] = await server.deliveries.list({ taskId: task.id });
    expect(attempt).toMatchObject({ outcome: 'delivered', signed: false });
    // The admin API says so too.
    const listed = (await (await admin(server, 'GET', `/deliveries?task_id=${task.id}`)).json()) as {
      data: { signed: boolean }[];
    };
    expect(listed.data.map((a) => a.signed)).toEqual([false]);
    const config = (await (await admin(server, 'GET', '/config')).json()) as { unsignedCallbacks: boolean };
    expect(config.unsignedCallbacks).toBe(true);
  });

  test('by default callbacks are signed and recorded as signed: true', async () => {
    const { fetch, sent } = recordingFetch();
    server = manualServer({ fetch });
    await createTask(server, { callback_url: 'https://hooks.example.com/a' });
    await server.clock.advance(UNTIL_ANY_END_MS);
    await server.deliveries.idle();
    expect(sent[0]).toHaveProperty('webhook-signature');
    expect((await server.deliveries.list()).map((a) => a.signed)).toEqual([true]);
  });

  test('the dashboard marks an unsigned attempt and says callbacks are unsigned', async () => {
    const { fetch } = recordingFetch();
    server = manualServer({ fetch, unsignedCallbacks: true });
    const task = await createTask(server, { callback_url: 'https://hooks.example.com/a' });
    await server.clock.advance(UNTIL_ANY_END_MS);
    await server.deliveries.idle();
    const view = (await (await server.app.request(`/__mock/ui/view/tasks/${task.id}`)).json()) as {
      parts: Record<string, string>;
    };
    expect(view.parts['task-deliveries']).toContain('unsigned');
    const page = await (await server.app.request('/__mock/ui')).text();
    expect(page).toContain('Callbacks are sent unsigned');
  });

  test.each([true, false])(
    'unsignedCallbacks: %s — the deliveries and the config answer as mock-admin.yaml describes them',
    async (unsignedCallbacks) => {
      const { fetch } = recordingFetch();
      server = manualServer({ fetch, unsignedCallbacks });
      await createTask(server, { callback_url: 'https://hooks.example.com/a' });
      await server.clock.advance(UNTIL_ANY_END_MS);
      await server.deliveries.idle();
      const validator = createSpecValidator({}, adminSpec);
      const check = async (operationId: string, path: string) => {
        const validate = validator.response(operationId, 200);
        const ok = validate?.(await (await admin(server, 'GET', path)).json());
        expect(ok, `${path}: ${JSON.stringify(validate?.issues)}`).toBe(true);
      };
      await check('listMockDeliveries', '/deliveries');
      await check('getMockConfig', '/config');
    },
  );
});
