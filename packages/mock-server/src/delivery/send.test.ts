import { describe, expect, test } from 'vitest';
import { describeError, post, refusal, type SendOptions } from './send.js';

const REQUEST = { headers: { 'content-type': 'application/json', 'webhook-id': 'msg_1' }, body: '{"a":1}' };

function options(extra: Partial<SendOptions> = {}): SendOptions {
  return { fetch: globalThis.fetch, allowLocal: false, ...extra };
}

describe('refusal at delivery time', () => {
  test('a local address is refused, unless the mock allows local hosts', async () => {
    expect(await refusal('https://127.0.0.1/h', options())).toBe(
      'refused: 127.0.0.1 is a loopback, private or link-local address',
    );
    expect(await refusal('https://127.0.0.1/h', options({ allowLocal: true }))).toBeNull();
  });

  test('with allowLocal nothing is resolved', async () => {
    const asked: string[] = [];
    const resolveHost = async (host: string) => {
      asked.push(host);
      return ['10.0.0.1'];
    };
    expect(
      await refusal('https://hooks.example.com/h', options({ allowLocal: true, resolveHost })),
    ).toBeNull();
    expect(asked).toEqual([]);
  });

  test('a public IP literal is not resolved; a name without a resolver is let through', async () => {
    const asked: string[] = [];
    const resolveHost = async (host: string) => {
      asked.push(host);
      return ['10.0.0.1'];
    };
    expect(await refusal('https://8.8.8.8/h', options({ resolveHost }))).toBeNull();
    expect(asked).toEqual([]);
    expect(await refusal('https://hooks.example.com/h', options())).toBeNull();
  });

  test('a name that resolves to any private address is refused, naming it', async () => {
    const resolveHost = async () => ['93.184.215.14', '192.168.1.9'];
    expect(await refusal('https://hooks.example.com/h', options({ resolveHost }))).toBe(
      'refused: hooks.example.com resolves to 192.168.1.9, a loopback, private or link-local address',
    );
  });

  test('a name that resolves only to public addresses is allowed', async () => {
    const resolveHost = async () => ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'];
    expect(await refusal('https://hooks.example.com/h', options({ resolveHost }))).toBeNull();
  });

  test('a name that resolves to nothing, or whose lookup fails, is refused', async () => {
    expect(await refusal('https://hooks.example.com/h', options({ resolveHost: async () => [] }))).toBe(
      'refused: hooks.example.com did not resolve',
    );
    const failing = async (): Promise<string[]> => {
      throw new Error('getaddrinfo ENOTFOUND', { cause: new Error('queryA ENOTFOUND') });
    };
    expect(await refusal('https://hooks.example.com/h', options({ resolveHost: failing }))).toBe(
      'refused: hooks.example.com did not resolve (getaddrinfo ENOTFOUND: queryA ENOTFOUND)',
    );
  });
});

describe('post', () => {
  function answering(status: number) {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      // A plain object: Response refuses statuses below 200, which a raw socket can still deliver.
      return { status, body: null } as unknown as Response;
    }) as unknown as typeof globalThis.fetch;
    return { fetch, calls };
  }

  test('POSTs the headers and body, never following a redirect, and says when it is sent', async () => {
    const { fetch, calls } = answering(204);
    const signal = new AbortController().signal;
    let sent = 0;
    const result = await post(
      'https://hooks.example.com/h',
      REQUEST,
      options({ fetch }),
      signal,
      () => sent++,
    );
    expect(result).toEqual({ outcome: 'delivered', status: 204, error: null });
    expect(sent).toBe(1);
    expect(calls).toEqual([
      {
        url: 'https://hooks.example.com/h',
        init: { method: 'POST', headers: REQUEST.headers, body: REQUEST.body, redirect: 'manual', signal },
      },
    ]);
  });

  test.each([
    [200, { outcome: 'delivered', status: 200, error: null }],
    [299, { outcome: 'delivered', status: 299, error: null }],
    [199, { outcome: 'failed', status: 199, error: 'answered 199' }],
    [300, { outcome: 'failed', status: 300, error: 'redirect (300) not followed' }],
    [302, { outcome: 'failed', status: 302, error: 'redirect (302) not followed' }],
    [399, { outcome: 'failed', status: 399, error: 'redirect (399) not followed' }],
    [400, { outcome: 'failed', status: 400, error: 'answered 400' }],
    [500, { outcome: 'failed', status: 500, error: 'answered 500' }],
  ])('an answer %i is %j', async (status, expected) => {
    expect(
      await post(
        'https://h.example/',
        REQUEST,
        options(answering(status)),
        new AbortController().signal,
        () => {},
      ),
    ).toEqual(expected);
  });

  test('an opaque redirect (status 0, what redirect: manual gives in a browser) is a redirect', async () => {
    const opaque = { status: 0, body: null } as unknown as Response;
    const fetch = (async () => opaque) as unknown as typeof globalThis.fetch;
    expect(
      await post('https://h.example/', REQUEST, options({ fetch }), new AbortController().signal, () => {}),
    ).toEqual({ outcome: 'failed', status: 0, error: 'redirect (0) not followed' });
  });

  test('the answer body is released', async () => {
    let cancelled = false;
    const body = new ReadableStream({
      cancel() {
        cancelled = true;
      },
    });
    const fetch = (async () => new Response(body, { status: 200 })) as unknown as typeof globalThis.fetch;
    await post('https://h.example/', REQUEST, options({ fetch }), new AbortController().signal, () => {});
    expect(cancelled).toBe(true);
  });

  test('a fetch that throws: sent was already called, and the error goes to the caller', async () => {
    let sent = 0;
    const fetch = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof globalThis.fetch;
    await expect(
      post('https://h.example/', REQUEST, options({ fetch }), new AbortController().signal, () => sent++),
    ).rejects.toThrow('fetch failed');
    expect(sent).toBe(1);
  });
});

describe('describeError', () => {
  test('an error, with its cause when the cause is an error; anything else as a string', () => {
    expect(describeError(new Error('top'))).toBe('top');
    expect(describeError(new Error('top', { cause: new Error('inner') }))).toBe('top: inner');
    expect(describeError(new Error('top', { cause: 'text' }))).toBe('top');
    expect(describeError('plain')).toBe('plain');
    expect(describeError(42)).toBe('42');
  });
});
