// The MCP surface with the SDK's own client: in memory and over streamable HTTP at /__mock/mcp, with the
// admin API's token and cross-site rules.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { adminSpec, spec } from '@videotask/spec';
import { type CallbackReceiver, startCallbackReceiver } from '@videotask/testkit';
import { afterEach, describe, expect, test } from 'vitest';
import { agentSession, call } from '../../test/mcp-session.js';
import type { MockServer, MockServerOptions } from '../index.js';
import { createMockServer } from '../server.js';
import { createMcpServer } from './server.js';
import { adminTools } from './tools.js';

let mock: MockServer | undefined;
let receiver: CallbackReceiver | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.close();
  await mock?.close();
  await receiver?.close();
  [client, mock, receiver] = [undefined, undefined, undefined];
});

function manualMock(options: MockServerOptions = {}): MockServer {
  mock = createMockServer({ clock: 'manual', seed: 'mcp', allowLocalCallbacks: true, ...options });
  return mock;
}

async function inMemoryClient(server: MockServer): Promise<Client> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const mcp = createMcpServer({
    send: async (r) => server.app.fetch(r),
    adminToken: server.options.adminToken,
  });
  await mcp.connect(serverSide);
  client = new Client({ name: 'test-agent', version: '1.0.0' });
  await client.connect(clientSide);
  return client;
}

/** A client of /__mock/mcp whose requests go to the app in process (no port). */
async function httpClient(server: MockServer, headers: Record<string, string> = {}): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL('http://mock.local/__mock/mcp'), {
    fetch: async (url, init) => server.app.fetch(new Request(url, init)),
    requestInit: { headers },
  });
  client = new Client({ name: 'test-agent', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

const publicApi = (server: MockServer) => (path: string, init?: RequestInit) => server.fetch(path, init);

describe('the MCP server', () => {
  test.each([
    ['in memory', inMemoryClient],
    ['over streamable HTTP', (server: MockServer) => httpClient(server)],
  ])(
    '%s: an agent creates a task, moves the clock, sees the callback and redelivers it',
    async (_, connect) => {
      receiver = await startCallbackReceiver();
      const server = manualMock();
      const agent = await connect(server);
      const { id } = await agentSession(agent, publicApi(server), receiver);
      // The calls went to the core the admin API uses: the controller sees the same log.
      expect(await server.deliveries.list({ taskId: id })).toHaveLength(2);
    },
  );

  test('tools/list is the admin spec, derived: names, schemas, hints', async () => {
    const agent = await inMemoryClient(manualMock());
    const { tools } = await agent.listTools();
    const derived = adminTools();
    expect(tools.map((t) => t.name)).toEqual(derived.map((t) => t.name));
    const operations = Object.values(adminSpec.paths).flatMap((item) =>
      Object.values(item).map((op) => (op as { operationId: string }).operationId),
    );
    expect(tools.map((t) => t.name).sort()).toEqual(operations.sort());
    for (const tool of tools) {
      const own = derived.find((t) => t.name === tool.name);
      expect(tool.inputSchema).toEqual(own?.inputSchema);
      expect(tool.annotations).toEqual(own?.annotations);
    }
  });

  test('a refusal is a tool error carrying the admin API envelope; an unknown tool is an error', async () => {
    const agent = await inMemoryClient(manualMock({ clock: 'real' }));
    const real = await agent.callTool({ name: 'advanceMockClock', arguments: { ms: 1000 } });
    expect(real.isError).toBe(true);
    expect(real.structuredContent).toMatchObject({ error: { code: 'conflict' } });
    const invalid = await agent.callTool({ name: 'listMockTasks', arguments: { limit: 0 } });
    expect(invalid.structuredContent).toMatchObject({ error: { code: 'invalid_request', param: 'limit' } });
    const unknown = await agent.callTool({ name: 'getMockTask', arguments: {} });
    expect(unknown).toMatchObject({ isError: true, content: [{ text: 'getMockTask needs id.' }] });
    expect(await agent.callTool({ name: 'nope', arguments: {} })).toMatchObject({ isError: true });
  });

  test('the clock verbs are tools: set takes an ISO date; scale and pause reach a real clock', async () => {
    const manual = await inMemoryClient(manualMock());
    const set = await call(manual, 'setMockClock', { at: '2025-06-01T00:00:00Z' });
    expect(set).toMatchObject({ mode: 'manual', iso: '2025-06-01T00:00:00.000Z', factor: 1, paused: false });
    const real = await inMemoryClient(manualMock({ clock: 'real' }));
    expect(await call(real, 'scaleMockClock', { factor: 20 })).toMatchObject({ mode: 'real', factor: 20 });
    expect(await call(real, 'pauseMockClock', {})).toMatchObject({ factor: 20, paused: true });
    const refused = await manual.callTool({ name: 'pauseMockClock', arguments: {} });
    expect(refused).toMatchObject({ isError: true, structuredContent: { error: { code: 'conflict' } } });
  });

  test('the resources are the two API descriptions the app serves and the delivery log', async () => {
    const server = manualMock();
    const agent = await inMemoryClient(server);
    const { resources } = await agent.listResources();
    expect(resources.map((r) => r.uri)).toEqual([
      'videotask-mock://openapi.json',
      'videotask-mock://mock-admin.json',
      'videotask-mock://deliveries',
    ]);
    const read = async (uri: string) =>
      JSON.parse(((await agent.readResource({ uri })).contents[0] as { text: string }).text) as unknown;
    expect(await read('videotask-mock://openapi.json')).toEqual(spec);
    expect(await read('videotask-mock://mock-admin.json')).toEqual(adminSpec);
    expect(await read('videotask-mock://deliveries')).toEqual({ data: [] });
  });

  test('seed and reset reach the same core: the tasks come and go', async () => {
    const server = manualMock();
    const agent = await inMemoryClient(server);
    const seeded = await call(agent, 'seedTasks', { count: 3, statuses: ['completed'] });
    expect(seeded.data).toHaveLength(3);
    expect((await call(agent, 'listMockTasks', { status: 'completed' })).total).toBe(3);
    await call(agent, 'resetMock');
    expect(await server.tasks.list()).toEqual([]);
  });
});

describe('/__mock/mcp under the admin rules', () => {
  const initialize = {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } },
  };
  const post = (server: MockServer, headers: Record<string, string>, path = '/__mock/mcp') =>
    server.app.request(path, {
      method: 'POST',
      headers: {
        accept: 'application/json, text/event-stream',
        'content-type': 'application/json',
        ...headers,
      },
      body: JSON.stringify(initialize),
    });
  const envelope = async (response: Response) => ({ status: response.status, body: await response.json() });

  test('without the admin token it is refused exactly as an admin route is; with it, it serves', async () => {
    const server = manualMock({ adminToken: 'sesame' });
    const refused = await envelope(await post(server, {}));
    expect(refused.status).toBe(401);
    expect(refused).toEqual(await envelope(await post(server, {}, '/__mock/reset')));
    expect((await post(server, { 'x-admin-token': 'wrong' })).status).toBe(401);
    expect((await post(server, { 'x-admin-token': 'sesame' })).status).toBe(200);
    const agent = await httpClient(server, { authorization: 'Bearer sesame' });
    expect((await agent.listTools()).tools.length).toBe(adminTools().length);
    // Its calls carry the server's token to the admin routes.
    expect(await call(agent, 'getMockConfig')).toMatchObject({ clock: 'manual' });
  });

  test('a cross-site request is refused as the admin API refuses it', async () => {
    const server = manualMock();
    const crossSite = {
      'sec-fetch-site': 'cross-site',
      origin: 'https://evil.example',
      'content-type': 'text/plain',
    };
    const refused = await envelope(await post(server, crossSite));
    expect(refused.status).toBe(403);
    expect(refused).toEqual(await envelope(await post(server, crossSite, '/__mock/reset')));
  });

  test('stateless: a GET (the event stream a session would open) answers 405, Allow: POST', async () => {
    const server = manualMock();
    const response = await server.app.request('/__mock/mcp', { headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect((await post(server, {})).status).toBe(200);
  });

  test('with the admin API off there is no MCP endpoint', async () => {
    const server = manualMock({ admin: false });
    expect((await post(server, {})).status).toBe(404);
  });
});
