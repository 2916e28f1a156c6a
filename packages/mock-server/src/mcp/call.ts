// A tool call as the admin request it stands for, sent through the mock's own app, and the answer as
// the tool's result: the route validates and acts, so no rule is repeated here.
import type { AdminTool } from './tools.js';

/** Sends a request to the mock's app (its `fetch`); the MCP surface holds no other way in. */
export type SendToApp = (request: Request) => Promise<Response>;

/** An internal origin: the admin routes never read the host of a request. */
export const ORIGIN = 'http://videotask-mock.internal';

/** The admin token's header (the surface is reached only past the token over HTTP, or by whoever started it on stdio). */
export const tokenHeaders = (adminToken: string | null): Record<string, string> =>
  adminToken ? { authorization: `Bearer ${adminToken}` } : {};

export interface ToolResult {
  [key: string]: unknown;
  content: { type: 'text'; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

const textResult = (text: string, isError: boolean): ToolResult => ({
  content: [{ type: 'text', text }],
  ...(isError ? { isError } : {}),
});

/** The admin request of a call, or the name of a path parameter it lacks. */
export function toRequest(tool: AdminTool, args: Record<string, unknown>, adminToken: string | null) {
  let path = tool.path;
  for (const name of tool.pathParams) {
    const value = args[name];
    if (value === undefined || value === null || value === '') return { missing: name };
    path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
  }
  const url = new URL(path, ORIGIN);
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) {
    if (tool.pathParams.includes(name) || value === undefined) continue;
    if (tool.queryParams.includes(name)) url.searchParams.set(name, String(value));
    else body[name] = value;
  }
  const headers = tokenHeaders(adminToken);
  if (!tool.hasBody) return { request: new Request(url, { method: tool.method, headers }) };
  headers['content-type'] = 'application/json';
  return { request: new Request(url, { method: tool.method, headers, body: JSON.stringify(body) }) };
}

/** Runs a call through the app; a 4xx or 5xx answer is a tool error holding the API's error envelope. */
export async function callTool(
  tool: AdminTool,
  args: Record<string, unknown>,
  send: SendToApp,
  adminToken: string | null,
): Promise<ToolResult> {
  const built = toRequest(tool, args, adminToken);
  if (!built.request) return textResult(`${tool.name} needs ${built.missing}.`, true);
  const response = await send(built.request);
  const text = await response.text();
  const result = textResult(text, response.status >= 400);
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value))
      result.structuredContent = value as Record<string, unknown>;
  } catch {
    // not JSON: the text alone
  }
  return result;
}
