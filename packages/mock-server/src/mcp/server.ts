// The MCP server of the mock: the admin operations as tools (tools.ts), and as resources the two API
// descriptions and the delivery log; every call and read goes through the mock's own app (call.ts).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { adminSpec } from '@videotask/spec';
import { callTool, ORIGIN, type SendToApp, tokenHeaders } from './call.js';
import { type AdminTool, adminTools } from './tools.js';

export interface McpServerSetup {
  /** The mock's app: `app.fetch`. */
  send: SendToApp;
  /** The server's admin token, sent with each request to the app (null when it has none). */
  adminToken: string | null;
}

/** Resources, each read from the app at its path. */
export const MCP_RESOURCES = [
  [
    'openapi',
    'videotask-mock://openapi.json',
    '/openapi.json',
    'The public API (OpenAPI 3.1) the mock serves',
  ],
  [
    'mock-admin',
    'videotask-mock://mock-admin.json',
    '/mock-admin.json',
    "The mock's admin API (OpenAPI 3.1)",
  ],
  ['deliveries', 'videotask-mock://deliveries', '/__mock/deliveries', 'Every callback attempt, oldest first'],
] as const;

const INSTRUCTIONS = `An offline mock of EvoLink's async video task API. The tools are its admin API (tasks, clock,
callback deliveries, faults, credits, model states, seed, reset); the public API is served at the
\`publicUrl\` that getMockConfig answers. With a manual clock, advanceMockClock (or setMockClock) moves time and fires due callbacks;
a real clock can be set, scaled (scaleMockClock) and paused.`;

/** Derived once per process: the admin spec does not change while it runs. */
let tools: AdminTool[] | undefined;

/** A fresh MCP server over the mock's app (connect it to one transport). */
export function createMcpServer({ send, adminToken }: McpServerSetup): McpServer {
  tools ??= adminTools();
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const mcp = new McpServer(
    { name: 'videotask-mock', version: String(adminSpec.info.version) },
    { capabilities: { tools: {} }, instructions: INSTRUCTIONS },
  );
  // The low-level handlers: the schemas are JSON Schema from the spec, which registerTool (zod) cannot take as is.
  const listed = tools.map(({ name, title, description, inputSchema, annotations }) => ({
    name,
    title,
    description,
    inputSchema,
    annotations,
  }));
  mcp.server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: listed }));
  mcp.server.setRequestHandler(CallToolRequestSchema, async ({ params }) => {
    const tool = byName.get(params.name);
    if (!tool) return { content: [{ type: 'text', text: `No tool ${params.name}.` }], isError: true };
    return callTool(tool, params.arguments ?? {}, send, adminToken);
  });
  for (const [name, uri, path, description] of MCP_RESOURCES) {
    mcp.registerResource(name, uri, { description, mimeType: 'application/json' }, async (url) => {
      const response = await send(new Request(new URL(path, ORIGIN), { headers: tokenHeaders(adminToken) }));
      return { contents: [{ uri: url.href, mimeType: 'application/json', text: await response.text() }] };
    });
  }
  return mcp;
}
