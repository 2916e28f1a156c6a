// Callback URL rules through the HTTP API of a real Node server (not only the pure function): every
// forbidden spelling is refused with 400 and `param: callback_url`, and no task is made. Then, at
// delivery time, a host name that resolves to a private address is refused, recorded, never contacted.
import { type CallbackReceiver, startCallbackReceiver } from '@videotask/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMockServer, type MockServer } from '../src/index.js';
import { type RunningMockServer, serveMockServer } from '../src/node/index.js';
import { errorEnvelope } from './fuzz/fuzz-support.js';
import { START } from './helpers.js';

const LONG = `https://hooks.example.com/${'a'.repeat(2048 - 'https://hooks.example.com/'.length + 1)}`;

/** [what, URL]: at least one for every rule; all must be refused. */
const FORBIDDEN: [string, string][] = [
  // private ranges
  ['10/8', 'https://10.0.0.1/hook'],
  ['10/8, top', 'https://10.255.255.255/hook'],
  ['172.16/12', 'https://172.16.0.1/hook'],
  ['172.16/12, top', 'https://172.31.255.254/hook'],
  ['192.168/16', 'https://192.168.0.1/hook'],
  ['carrier-grade NAT 100.64/10', 'https://100.64.0.1/hook'],
  ['unique local fc00::/7', 'https://[fc00::1]/hook'],
  ['unique local fd00::/8', 'https://[fd12:3456:789a::1]/hook'],
  // loopback
  ['loopback', 'https://127.0.0.1/hook'],
  ['loopback, top of 127/8', 'https://127.255.255.254/hook'],
  ['loopback with a port', 'https://127.0.0.1:8443/hook'],
  ['IPv6 loopback', 'https://[::1]/hook'],
  ['IPv6 loopback, long form', 'https://[0:0:0:0:0:0:0:1]/hook'],
  // link-local
  ['link-local 169.254/16', 'https://169.254.1.1/hook'],
  ['IPv6 link-local fe80::/10', 'https://[fe80::1]/hook'],
  ['IPv6 link-local with a zone id', 'https://[fe80::1%25eth0]/hook'],
  // cloud metadata
  ['metadata (AWS, GCP, Azure) 169.254.169.254', 'https://169.254.169.254/latest/meta-data/'],
  ['AWS metadata over IPv6', 'https://[fd00:ec2::254]/latest/meta-data/'],
  ['GCP metadata by name', 'https://metadata.google.internal/computeMetadata/v1/'],
  ['GCP metadata, short name', 'https://metadata/computeMetadata/v1/'],
  ['Alibaba metadata 100.100.100.200', 'https://100.100.100.200/latest/meta-data/'],
  // numeric spellings of IPv4
  ['decimal 127.0.0.1', 'https://2130706433/hook'],
  ['decimal 192.168.0.1', 'https://3232235521/hook'],
  ['hex 127.0.0.1', 'https://0x7f000001/hook'],
  ['hex parts', 'https://0x7f.0x0.0x0.0x1/hook'],
  ['hex 169.254.169.254', 'https://0xa9fea9fe/latest/meta-data/'],
  ['octal 127.0.0.1', 'https://0177.0.0.1/hook'],
  ['octal whole 127.0.0.1', 'https://017700000001/hook'],
  ['octal 169.254.169.254', 'https://0251.0376.0251.0376/latest/meta-data/'],
  ['short 127.1', 'https://127.1/hook'],
  ['short 10.1', 'https://10.1/hook'],
  ['trailing dot', 'https://127.0.0.1./hook'],
  // IPv4 inside IPv6
  ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/hook'],
  ['IPv4-mapped loopback, hex', 'https://[::ffff:7f00:1]/hook'],
  ['IPv4-mapped metadata', 'https://[::ffff:169.254.169.254]/hook'],
  ['IPv4-mapped 10/8', 'https://[::ffff:10.0.0.1]/hook'],
  ['IPv4-compatible loopback', 'https://[::127.0.0.1]/hook'],
  ['IPv4-compatible metadata', 'https://[::a9fe:a9fe]/hook'],
  ['NAT64 of metadata', 'https://[64:ff9b::a9fe:a9fe]/hook'],
  ['6to4 of loopback', 'https://[2002:7f00:1::]/hook'],
  // zero addresses
  ['0.0.0.0', 'https://0.0.0.0/hook'],
  ['0', 'https://0/hook'],
  ['0x0', 'https://0x0/hook'],
  ['IPv6 unspecified', 'https://[::]/hook'],
  // localhost
  ['localhost', 'https://localhost/hook'],
  ['LOCALHOST', 'https://LOCALHOST/hook'],
  ['localhost.', 'https://localhost./hook'],
  ['*.localhost', 'https://api.localhost/hook'],
  ['localhost.localdomain', 'https://localhost.localdomain/hook'],
  ['ip6-localhost', 'https://ip6-localhost/hook'],
  // credentials
  ['user and password', 'https://user:pass@hooks.example.com/hook'],
  ['user only', 'https://user@hooks.example.com/hook'],
  ['password only', 'https://:secret@hooks.example.com/hook'],
  // length
  ['2049 characters', LONG],
  // schemes
  ['http', 'http://hooks.example.com/hook'],
  ['HTTP upper case', 'HTTP://hooks.example.com/hook'],
  ['ftp', 'ftp://hooks.example.com/hook'],
  ['file', 'file:///etc/passwd'],
  ['gopher', 'gopher://hooks.example.com/hook'],
  ['ws', 'ws://hooks.example.com/hook'],
  ['javascript', 'javascript:alert(1)'],
  ['data', 'data:text/plain,hello'],
  ['no scheme', '//hooks.example.com/hook'],
];

describe('callback_url rules over HTTP (a real Node server, strict mode)', () => {
  let running: RunningMockServer;
  beforeAll(async () => {
    running = await serveMockServer({ port: 0, clock: 'manual', startTime: START, seed: 'hosts' });
  });
  afterAll(() => running.close());

  const create = (callbackUrl: string) =>
    fetch(`${running.url}/v1/videos/generations`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-hosts', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sora-2', prompt: 'a boat', callback_url: callbackUrl }),
    });

  test(`the table has at least 30 spellings (${FORBIDDEN.length})`, () => {
    expect(FORBIDDEN.length).toBeGreaterThanOrEqual(30);
    expect(LONG.length).toBe(2049);
  });

  test.each(FORBIDDEN)('%s: %s → 400, param callback_url, no task', async (_what, url) => {
    const before = (await running.mock.tasks.list()).length;
    const res = await create(url);
    const body = await res.json();
    expect(res.status).toBe(400);
    expect(errorEnvelope(body)).toBe(true);
    expect(body.error).toMatchObject({ code: 'invalid_request', param: 'callback_url' });
    expect((await running.mock.tasks.list()).length).toBe(before);
  });

  test('the control: a public https host is accepted', async () => {
    const res = await create('https://hooks.example.com/video?x=1');
    expect(res.status).toBe(200);
    const task = (await res.json()) as { id: string };
    expect((await running.mock.tasks.get(task.id))?.callbackUrl).toBe('https://hooks.example.com/video?x=1');
  });
});

describe('at delivery time, a name that resolves to a private address is refused and never contacted', () => {
  let receiver: CallbackReceiver;
  let receiverUrl = '';
  /** What reached the receiver: method, host header and path. */
  const received = () => receiver.arrivals.map((a) => `${a.method} ${a.headers.host}${a.path}`);
  beforeAll(async () => {
    receiver = await startCallbackReceiver({ answer: () => 204 });
    receiverUrl = receiver.url;
  });
  afterAll(() => receiver.close());

  /** A mock whose DNS answers from `table` and whose callback fetch reaches the local receiver. */
  function mockWithDns(table: Record<string, string[] | Error>) {
    const fetched: string[] = [];
    const mock: MockServer = createMockServer({
      clock: 'manual',
      startTime: START,
      seed: 'rebinding',
      resolveHost: async (hostname) => {
        const answer = table[hostname];
        if (answer instanceof Error) throw answer;
        return answer ?? [];
      },
      // Whatever the callback URL, the request goes to the real local receiver.
      fetch: async (input, init) => {
        const url = new URL(String(input));
        fetched.push(url.href);
        return fetch(`${receiverUrl}${url.pathname}${url.search}`, { ...init, headers: init?.headers });
      },
    });
    return { mock, fetched };
  }

  async function runToEnd(mock: MockServer, host: string) {
    const res = await mock.fetch('/v1/videos/generations', {
      method: 'POST',
      headers: {
        authorization: 'Bearer sk-dns',
        'content-type': 'application/json',
        'x-mock-scenario': 'success',
      },
      body: JSON.stringify({
        model: 'sora-2',
        prompt: 'a boat',
        callback_url: `https://${host}/hook/${host}`,
      }),
    });
    expect(res.status).toBe(200);
    const task = (await res.json()) as { id: string };
    // Through the whole retry schedule and beyond.
    await mock.clock.advance(10 * 60_000);
    await mock.deliveries.idle();
    await mock.clock.advance(60_000);
    await mock.deliveries.idle();
    return await mock.deliveries.list({ taskId: task.id });
  }

  test.each([
    ['loopback', 'rebind-loopback.example.com', ['127.0.0.1'], /resolves to 127\.0\.0\.1/],
    [
      'a public and a private address',
      'rebind-mixed.example.com',
      ['93.184.216.34', '10.0.0.7'],
      /resolves to 10\.0\.0\.7/,
    ],
    ['cloud metadata', 'rebind-metadata.example.com', ['169.254.169.254'], /resolves to 169\.254\.169\.254/],
    [
      'IPv4-mapped metadata',
      'rebind-mapped.example.com',
      ['::ffff:169.254.169.254'],
      /resolves to ::ffff:169\.254\.169\.254/,
    ],
    ['AWS IPv6 metadata', 'rebind-v6.example.com', ['fd00:ec2::254'], /resolves to fd00:ec2::254/],
    ['nothing', 'rebind-empty.example.com', [], /did not resolve/],
    ['an error', 'rebind-error.example.com', new Error('ENOTFOUND'), /did not resolve \(ENOTFOUND\)/],
  ] as [string, string, string[] | Error, RegExp][])(
    'resolving to %s: one attempt recorded as refused, nothing sent, no retry',
    async (_what, host, answer, reason) => {
      const { mock, fetched } = mockWithDns({ [host]: answer });
      const before = received().length;
      try {
        const attempts = await runToEnd(mock, host);
        expect(attempts.map((a) => [a.attempt, a.outcome, a.status])).toEqual([[1, 'refused', null]]);
        expect(attempts[0]?.error).toMatch(reason);
        expect(fetched).toEqual([]);
        expect(received().length - before).toBe(0);
      } finally {
        await mock.close();
      }
    },
  );

  test('the control: the same set-up with a public address delivers once to the receiver', async () => {
    const { mock, fetched } = mockWithDns({ 'hooks.example.com': ['93.184.216.34'] });
    const before = received().length;
    try {
      const attempts = await runToEnd(mock, 'hooks.example.com');
      expect(attempts.map((a) => [a.attempt, a.outcome, a.status])).toEqual([[1, 'delivered', 204]]);
      expect(fetched).toEqual(['https://hooks.example.com/hook/hooks.example.com']);
      expect(received().slice(before)).toEqual([`POST ${receiverUrl.slice(7)}/hook/hooks.example.com`]);
    } finally {
      await mock.close();
    }
  });
});
