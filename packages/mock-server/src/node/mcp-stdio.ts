// `videotask-mock mcp`: the MCP server on stdin/stdout beside the listening mock, over the same app; the
// session ends when the agent closes stdin.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer } from '../mcp/server.js';
import type { RunningMockServer } from './index.js';

/** Speaks MCP on stdio until stdin ends, then calls `onEnd` (which shuts the mock down). */
export async function serveMcpOnStdio(running: RunningMockServer, onEnd: () => void): Promise<void> {
  const { mock } = running;
  // The mock's own app, not a --proxy/--replay wrapper: the tools are the mock's admin routes.
  const server = createMcpServer({
    send: async (request) => mock.app.fetch(request),
    adminToken: mock.options.adminToken,
  });
  await server.connect(new StdioServerTransport());
  process.stdin.once('end', onEnd);
}
