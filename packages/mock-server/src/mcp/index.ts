// /__mock/mcp: the MCP server over streamable HTTP (the SDK's Web-standard transport, stateless: a fresh
// server per request), mounted past the admin API's token, cross-site guard and body limit.
import type { Hono } from 'hono';
import type { Http } from '../http/answer.js';

export const MCP_PATH = '/__mock/mcp';

/**
 * Its route: POST carries the messages. Stateless, it offers no event stream, so a GET (or a session's
 * DELETE) answers the app's 405 with `Allow: POST`, as MCP asks of a server without one.
 */
export const MCP_ROUTES = [['POST', MCP_PATH, 'the admin API as MCP tools (streamable HTTP)']] as const;

export function mountMcp(app: Hono, http: Http): void {
  const adminToken = http.core.options.adminToken;
  app.post(MCP_PATH, async (c) => {
    // Loaded on the first MCP request: a mock that is never asked over MCP does not load the SDK.
    const [{ createMcpServer }, { WebStandardStreamableHTTPServerTransport }] = await Promise.all([
      import('./server.js'),
      import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'),
    ]);
    const server = createMcpServer({ send: async (request) => app.fetch(request), adminToken });
    // Stateless, answering JSON: nothing is kept between requests, so replicas on one store serve it alike.
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      await server.close();
    }
  });
}
