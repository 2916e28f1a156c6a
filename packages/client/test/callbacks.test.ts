// Callback receivers: Standard Webhooks signatures (known answer, cross-checked with the
// `standardwebhooks` package), the unsigned parse, and confirming by reading the task back.
import { Webhook } from 'standardwebhooks';
import { describe, expect, test, vi } from 'vitest';
import {
  confirmCallback,
  NotFoundError,
  parseCallback,
  signCallback,
  type VideoTask,
  verifyCallback,
  WebhookVerificationError,
} from '../src/index.js';
import { completedTask, failedTask, pendingTask, processingTask } from './helpers.js';

// The Standard Webhooks reference vector (docs/api-facts.md).
const vector = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const SECRET = 'whsec_dGVzdC1zZWNyZXQtZm9yLXRoZS12aWRlb3Rhc2stY2xpZW50';
const OTHER_SECRET = 'whsec_b3RoZXItc2VjcmV0LWZvci10aGUtdmlkZW90YXNrLWNsaWVudA==';
const NOW = 1_757_170_000;
const at = (seconds: number) => () => seconds * 1000;

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  return (error as WebhookVerificationError).reason;
}

describe('signCallback / verifyCallback', () => {
  test('the known-answer vector', async () => {
    const headers = await signCallback(vector.body, vector.secret, {
      id: vector.id,
      timestamp: vector.timestamp,
    });
    expect(headers['webhook-signature']).toBe(vector.signature);
    // The vector's body is not a task, so verification gets past the signature and stops at the payload.
    const reason = await reasonOf(
      verifyCallback(
        vector.body,
        {
          'webhook-id': vector.id,
          'webhook-timestamp': String(vector.timestamp),
          'webhook-signature': vector.signature,
        },
        vector.secret,
        { now: at(vector.timestamp) },
      ),
    );
    expect(reason).toBe('invalid_payload');
  });

  test('a signed completed task verifies and comes back typed', async () => {
    const raw = JSON.stringify(completedTask);
    const headers = await signCallback(raw, SECRET, { timestamp: NOW });
    const task = await verifyCallback(raw, headers, SECRET, { now: at(NOW) });
    expect(task).toEqual(completedTask);
    if (task.status === 'completed') expect(task.results[0]).toContain('.mp4');
  });

  test('cross-check: standardwebhooks signs, verifyCallback accepts', async () => {
    const webhook = new Webhook(SECRET);
    for (const payload of [
      completedTask,
      failedTask,
      { ...completedTask, results: ['https://x.test/ü.mp4'] },
    ]) {
      const raw = JSON.stringify(payload);
      const id = `msg_${Math.random().toString(36).slice(2)}`;
      const signature = webhook.sign(id, new Date(NOW * 1000), raw);
      const headers = { 'webhook-id': id, 'webhook-timestamp': String(NOW), 'webhook-signature': signature };
      expect(await verifyCallback(raw, headers, SECRET, { now: at(NOW) })).toEqual(payload);
    }
  });

  test('cross-check: signCallback signs, standardwebhooks accepts', async () => {
    const raw = JSON.stringify(failedTask);
    const headers = await signCallback(raw, SECRET);
    expect(new Webhook(SECRET).verify(raw, { ...headers })).toEqual(failedTask);
  });

  test('the body as bytes (Uint8Array, ArrayBuffer) and Fetch Headers work too', async () => {
    const raw = new TextEncoder().encode(JSON.stringify(completedTask));
    const headers = new Headers({ ...(await signCallback(raw, SECRET, { timestamp: NOW })) });
    expect(await verifyCallback(raw, headers, SECRET, { now: at(NOW) })).toEqual(completedTask);
    expect(await verifyCallback(raw.slice().buffer, headers, SECRET, { now: at(NOW) })).toEqual(
      completedTask,
    );
  });

  test("Node's req.headers: names in any case, array values", async () => {
    const raw = JSON.stringify(completedTask);
    const h = await signCallback(raw, SECRET, { timestamp: NOW });
    const nodeHeaders = {
      'Webhook-Id': h['webhook-id'],
      'WEBHOOK-TIMESTAMP': h['webhook-timestamp'],
      'webhook-signature': [h['webhook-signature']],
    };
    expect(await verifyCallback(raw, nodeHeaders, SECRET, { now: at(NOW) })).toEqual(completedTask);
  });

  test('several signatures in the header: any valid v1 one is enough (sender rotating its secret)', async () => {
    const raw = JSON.stringify(completedTask);
    const good = await signCallback(raw, SECRET, { id: 'msg_1', timestamp: NOW });
    const other = await signCallback(raw, OTHER_SECRET, { id: 'msg_1', timestamp: NOW });
    const headers = {
      ...good,
      'webhook-signature': `${other['webhook-signature']} v1a,ignored ${good['webhook-signature']}`,
    };
    expect(await verifyCallback(raw, headers, SECRET, { now: at(NOW) })).toEqual(completedTask);
  });

  test("Node's repeated header: each value is its own signature entry", async () => {
    const raw = JSON.stringify(completedTask);
    const good = await signCallback(raw, SECRET, { id: 'msg_1', timestamp: NOW });
    const other = await signCallback(raw, OTHER_SECRET, { id: 'msg_1', timestamp: NOW });
    const headers = { ...good, 'webhook-signature': [other['webhook-signature'], good['webhook-signature']] };
    expect(await verifyCallback(raw, headers, SECRET, { now: at(NOW) })).toEqual(completedTask);
  });

  test('an entry that is not base64 is skipped, not an exception', async () => {
    const raw = JSON.stringify(completedTask);
    const headers = await signCallback(raw, SECRET, { timestamp: NOW });
    const verify = (signature: string) =>
      verifyCallback(raw, { ...headers, 'webhook-signature': signature }, SECRET, { now: at(NOW) });
    expect(await reasonOf(verify('v1,***'))).toBe('invalid_signature');
    await expect(verify(`v1,*** ${headers['webhook-signature']}`)).resolves.toEqual(completedTask);
  });

  test('without Web Crypto: a clear error, not a TypeError', async () => {
    const raw = JSON.stringify(completedTask);
    const sign = () => signCallback(raw, SECRET, { id: 'msg_1', timestamp: NOW });
    const message = 'Web Crypto (globalThis.crypto.subtle) is not available in this runtime.';
    try {
      vi.stubGlobal('crypto', undefined);
      await expect(sign()).rejects.toThrow(message);
      vi.stubGlobal('crypto', {});
      await expect(sign()).rejects.toThrow(message);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test('several secrets (receiver rotating): any one may match', async () => {
    const raw = JSON.stringify(completedTask);
    const headers = await signCallback(raw, OTHER_SECRET, { timestamp: NOW });
    expect(await verifyCallback(raw, headers, [SECRET, OTHER_SECRET], { now: at(NOW) })).toEqual(
      completedTask,
    );
    expect(await reasonOf(verifyCallback(raw, headers, [SECRET], { now: at(NOW) }))).toBe(
      'invalid_signature',
    );
  });

  test('a changed body, id or timestamp, or a wrong secret, fails the signature', async () => {
    const raw = JSON.stringify(completedTask);
    const headers = await signCallback(raw, SECRET, { id: 'msg_1', timestamp: NOW });
    const verify = (body: string, h: Record<string, string>, secret = SECRET) =>
      reasonOf(verifyCallback(body, h, secret, { now: at(NOW) }));
    expect(await verify(raw.replace('100', '99'), { ...headers })).toBe('invalid_signature');
    expect(await verify(`${raw} `, { ...headers })).toBe('invalid_signature');
    expect(await verify(raw, { ...headers, 'webhook-id': 'msg_2' })).toBe('invalid_signature');
    expect(await verify(raw, { ...headers, 'webhook-timestamp': String(NOW + 1) })).toBe('invalid_signature');
    expect(await verify(raw, { ...headers }, OTHER_SECRET)).toBe('invalid_signature');
    expect(await verify(raw, { ...headers, 'webhook-signature': 'v1,not base64!' })).toBe(
      'invalid_signature',
    );
    expect(await verify(raw, { ...headers, 'webhook-signature': 'v2,abc=' })).toBe('invalid_signature');
  });

  test('timestamp tolerance both ways (default 5 minutes), configurable', async () => {
    const raw = JSON.stringify(completedTask);
    const headers = await signCallback(raw, SECRET, { timestamp: NOW });
    const verify = (now: number, toleranceSeconds?: number) =>
      verifyCallback(raw, headers, SECRET, {
        now: at(now),
        ...(toleranceSeconds ? { toleranceSeconds } : {}),
      });
    await expect(verify(NOW + 300)).resolves.toEqual(completedTask);
    await expect(verify(NOW - 300)).resolves.toEqual(completedTask);
    expect(await reasonOf(verify(NOW + 301))).toBe('timestamp_too_old');
    expect(await reasonOf(verify(NOW - 301))).toBe('timestamp_too_new');
    expect(await reasonOf(verify(NOW + 61, 60))).toBe('timestamp_too_old');
  });

  test('missing or malformed headers, malformed secret', async () => {
    const raw = JSON.stringify(completedTask);
    const headers = await signCallback(raw, SECRET, { timestamp: NOW });
    const { 'webhook-signature': _, ...unsigned } = headers;
    expect(await reasonOf(verifyCallback(raw, unsigned, SECRET))).toBe('missing_headers');
    expect(await reasonOf(verifyCallback(raw, {}, SECRET))).toBe('missing_headers');
    expect(await reasonOf(verifyCallback(raw, { ...headers, 'webhook-timestamp': '1e9' }, SECRET))).toBe(
      'invalid_timestamp',
    );
    expect(await reasonOf(verifyCallback(raw, headers, 'whsec_***', { now: at(NOW) }))).toBe(
      'invalid_secret',
    );
  });

  test.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const)(
    'a delivery missing only %s, or with it empty, is missing_headers',
    async (name) => {
      const raw = JSON.stringify(completedTask);
      const headers = await signCallback(raw, SECRET, { timestamp: NOW });
      const { [name]: _, ...rest } = headers;
      const verify = (h: Record<string, string>) => verifyCallback(raw, h, SECRET, { now: at(NOW) });
      await expect(verify(rest)).rejects.toThrow(
        'Missing webhook-id, webhook-timestamp or webhook-signature header.',
      );
      expect(await reasonOf(verify(rest))).toBe('missing_headers');
      expect(await reasonOf(verify({ ...headers, [name]: '' }))).toBe('missing_headers');
    },
  );

  test('only v1 entries count: the right MAC under another version, or with a third part, is refused', async () => {
    const raw = JSON.stringify(completedTask);
    const headers = await signCallback(raw, SECRET, { timestamp: NOW });
    const mac = headers['webhook-signature'].slice('v1,'.length);
    const verify = (signature: string) =>
      verifyCallback(raw, { ...headers, 'webhook-signature': signature }, SECRET, { now: at(NOW) });
    for (const signature of [`v2,${mac}`, `v1a,${mac}`, `V1,${mac}`, mac, `v1,${mac},v1`, `v1,,${mac}`]) {
      await expect(verify(signature)).rejects.toThrow('No webhook-signature matches the secret.');
    }
    await expect(verify(`v2,${mac} v1,${mac}`)).resolves.toEqual(completedTask);
  });

  test('a secret without the whsec_ prefix is the same key; an empty or non-base64 one is invalid_secret', async () => {
    const raw = JSON.stringify(completedTask);
    const headers = await signCallback(raw, SECRET, { timestamp: NOW });
    const bare = SECRET.slice('whsec_'.length);
    expect(await verifyCallback(raw, headers, bare, { now: at(NOW) })).toEqual(completedTask);
    expect(await signCallback(raw, bare, { id: headers['webhook-id'], timestamp: NOW })).toEqual(headers);
    for (const secret of ['whsec_', '', 'whsec_***']) {
      const error = await verifyCallback(raw, headers, secret, { now: at(NOW) }).catch((e: unknown) => e);
      expect(error).toMatchObject({ reason: 'invalid_secret' });
      expect((error as Error).message).toBe('The webhook secret is not base64 (optionally after whsec_).');
    }
    await expect(signCallback(raw, 'whsec_')).rejects.toMatchObject({ reason: 'invalid_secret' });
  });

  test('timestamp errors say which limit was passed', async () => {
    const raw = JSON.stringify(completedTask);
    const headers = await signCallback(raw, SECRET, { timestamp: NOW });
    await expect(verifyCallback(raw, headers, SECRET, { now: at(NOW + 301) })).rejects.toThrow(
      'webhook-timestamp is more than 300 s old.',
    );
    await expect(
      verifyCallback(raw, headers, SECRET, { now: at(NOW - 61), toleranceSeconds: 60 }),
    ).rejects.toThrow('webhook-timestamp is more than 60 s in the future.');
    for (const timestamp of [`${NOW}.5`, `-${NOW}`, ` ${NOW}`, 'now']) {
      await expect(
        verifyCallback(raw, { ...headers, 'webhook-timestamp': timestamp }, SECRET, { now: at(NOW) }),
      ).rejects.toThrow('webhook-timestamp is not whole Unix seconds.');
    }
  });

  test('the tolerance is measured from now in whole seconds: a clock late in the same second still accepts', async () => {
    const raw = JSON.stringify(completedTask);
    const headers = await signCallback(raw, SECRET, { timestamp: NOW });
    const late = () => (NOW + 300) * 1000 + 999;
    await expect(verifyCallback(raw, headers, SECRET, { now: late })).resolves.toEqual(completedTask);
  });

  test('signCallback defaults: a fresh msg_ id and the current Unix second', async () => {
    const raw = JSON.stringify(completedTask);
    const before = Math.floor(Date.now() / 1000);
    const first = await signCallback(raw, SECRET);
    const second = await signCallback(raw, SECRET);
    expect(first['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(second['webhook-id']).not.toBe(first['webhook-id']);
    const sentAt = Number(first['webhook-timestamp']);
    expect(first['webhook-timestamp']).toMatch(/^\d+$/);
    expect(sentAt).toBeGreaterThanOrEqual(before);
    expect(sentAt).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(await verifyCallback(raw, first, SECRET)).toEqual(completedTask);
  });

  test('a correctly signed body that is not a finished task is rejected', async () => {
    for (const payload of [pendingTask, processingTask, { ...completedTask, results: undefined }, [1]]) {
      const raw = JSON.stringify(payload);
      const headers = await signCallback(raw, SECRET, { timestamp: NOW });
      expect(await reasonOf(verifyCallback(raw, headers, SECRET, { now: at(NOW) }))).toBe('invalid_payload');
    }
  });
});

describe('parseCallback', () => {
  test('finished tasks parse, from text or bytes', () => {
    expect(parseCallback(JSON.stringify(completedTask))).toEqual(completedTask);
    expect(parseCallback(new TextEncoder().encode(JSON.stringify(failedTask)))).toEqual(failedTask);
  });
  test.each([
    ['not JSON', '{"id":'],
    ['not an object', '"task"'],
    ['no id', JSON.stringify({ ...completedTask, id: undefined })],
    ['pending', JSON.stringify(pendingTask)],
    ['completed without results', JSON.stringify({ ...completedTask, results: 'x' })],
    ['failed without error', JSON.stringify({ ...failedTask, error: undefined })],
    ['failed with an error lacking a message', JSON.stringify({ ...failedTask, error: { code: 'x' } })],
    ['failed with an error lacking a code', JSON.stringify({ ...failedTask, error: { message: 'why' } })],
    ['failed with a numeric code', JSON.stringify({ ...failedTask, error: { code: 500, message: 'why' } })],
    ['failed with a null error', JSON.stringify({ ...failedTask, error: null })],
    ['failed with a string error', JSON.stringify({ ...failedTask, error: 'content_policy_violation' })],
    ['completed with a result that is not a URL string', JSON.stringify({ ...completedTask, results: [1] })],
    [
      'completed with one good and one bad result',
      JSON.stringify({ ...completedTask, results: [completedTask.results[0], null] }),
    ],
    [
      'completed carrying only an error',
      JSON.stringify({ ...completedTask, results: undefined, error: failedTask.error }),
    ],
    [
      'failed carrying only results',
      JSON.stringify({ ...failedTask, error: undefined, results: completedTask.results }),
    ],
    ['an empty id', JSON.stringify({ ...completedTask, id: '' })],
    ['a numeric id', JSON.stringify({ ...completedTask, id: 7 })],
    ['null', 'null'],
  ])('%s → invalid_payload', (_, raw) => {
    expect(() => parseCallback(raw)).toThrow(WebhookVerificationError);
    try {
      parseCallback(raw);
    } catch (error) {
      expect((error as WebhookVerificationError).reason).toBe('invalid_payload');
    }
  });
});

describe('parseCallback errors', () => {
  const messageOf = (raw: string) => {
    try {
      parseCallback(raw);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('parseCallback accepted the body');
  };
  test('say what is wrong with the body', () => {
    expect(messageOf('{"id":')).toBe('The callback body is not JSON.');
    expect(messageOf('[]')).toBe('The callback body is not a task (no string `id`).');
    expect(messageOf(JSON.stringify(pendingTask))).toBe(
      'The callback body is not a finished task (status "pending").',
    );
  });
  test('an ArrayBuffer body parses like its text', () => {
    const bytes = new TextEncoder().encode(JSON.stringify(failedTask));
    expect(parseCallback(bytes.slice().buffer)).toEqual(failedTask);
  });
});

describe('confirmCallback', () => {
  const reader = (answer: VideoTask | Error) => {
    const asked: string[] = [];
    return {
      asked,
      client: {
        getTask: async (id: string) => {
          asked.push(id);
          if (answer instanceof Error) throw answer;
          return answer;
        },
      },
    };
  };

  test("returns the API's copy of the task, not the callback's", async () => {
    const claimed = { ...completedTask, results: ['https://attacker.test/x.mp4'] };
    const { client, asked } = reader(completedTask as VideoTask);
    expect(await confirmCallback(client, JSON.stringify(claimed))).toEqual(completedTask);
    expect(asked).toEqual([completedTask.id]);
  });

  test('a callback for a task the API says is still running is rejected', async () => {
    const { client } = reader(processingTask as VideoTask);
    expect(await reasonOf(confirmCallback(client, JSON.stringify(completedTask)))).toBe('not_finished');
    await expect(
      confirmCallback(reader(pendingTask as VideoTask).client, JSON.stringify(failedTask)),
    ).rejects.toThrow(`The callback says task ${failedTask.id} is failed, but the API reports pending.`);
  });

  test("an ended task in the API's copy is returned, whichever way it ended", async () => {
    const cancelled = { ...failedTask, status: 'cancelled' };
    for (const answer of [failedTask, cancelled, completedTask]) {
      const { client } = reader(answer as VideoTask);
      expect(await confirmCallback(client, JSON.stringify(completedTask))).toEqual(answer);
    }
  });

  test("the caller's signal reaches the read", async () => {
    const signals: Array<AbortSignal | undefined> = [];
    const client = {
      getTask: async (_id: string, options?: { signal?: AbortSignal }) => {
        signals.push(options?.signal);
        return completedTask as VideoTask;
      },
    };
    const signal = new AbortController().signal;
    await confirmCallback(client, JSON.stringify(completedTask), { signal });
    expect(signals).toEqual([signal]);
  });

  test('an unknown task id surfaces as NotFoundError; a malformed body never reaches the API', async () => {
    const { client } = reader(new NotFoundError('404 task_not_found', { status: 404 }));
    await expect(confirmCallback(client, JSON.stringify(completedTask))).rejects.toThrow(NotFoundError);
    const silent = reader(completedTask as VideoTask);
    expect(await reasonOf(confirmCallback(silent.client, 'nope'))).toBe('invalid_payload');
    expect(silent.asked).toEqual([]);
  });
});
