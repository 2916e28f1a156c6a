// `videotask-mock mcp` as a process, driven by the SDK's stdio client: the agent's whole session, with
// stdout carrying only MCP and the command's own lines on stderr.
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { type CallbackReceiver, startCallbackReceiver } from '@videotask/testkit';
import { afterEach, describe, expect, test } from 'vitest';
import { agentSession, call } from '../../test/mcp-session.js';
import { adminTools } from '../mcp/tools.js';
import { main } from './cli.js';

const runner = fileURLToPath(new URL('../../test/run-cli.ts', import.meta.url));

let receiver: CallbackReceiver | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.close();
  await receiver?.close();
  [client, receiver] = [undefined, undefined];
});

describe('videotask-mock mcp', () => {
  test('serves the tools on stdio beside the listening mock; closing stdin shuts it down', async () => {
    receiver = await startCallbackReceiver();
    const args = ['mcp', '--port', '0', '--clock', 'manual', '--allow-local-callbacks', '--seed', 'stdio'];
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', runner, ...args],
      env: process.env as Record<string, string>,
      stderr: 'pipe',
    });
    const stderr: string[] = [];
    transport.stderr?.on('data', (chunk) => stderr.push(String(chunk)));
    const errors: Error[] = [];
    client = new Client({ name: 'stdio-agent', version: '1.0.0' });
    // A line on stdout that is not MCP would arrive here as a parse error.
    client.onerror = (error) => errors.push(error);
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(adminTools().map((t) => t.name));
    // The agent learns the public API's address from the mock itself (--port 0 picked it).
    const { publicUrl } = (await call(client, 'getMockConfig')) as { publicUrl: string };
    await agentSession(client, (path, init) => fetch(`${publicUrl}${path}`, init), receiver);
    expect(stderr.join('')).toMatch(/^Listening on http:\/\/127\.0\.0\.1:\d+$/m);
    expect(stderr.join('')).toMatch(/^POST \/__mock\/clock\/advance 200 /m);
    await client.close();
    client = undefined;
    expect(stderr.join('')).toMatch(/the MCP client closed stdin, shutting down/);
    expect(errors).toEqual([]);
  });

  test('with --no-admin it is a usage error (every tool would answer 404)', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const running = await main(
      ['mcp', '--no-admin'],
      {},
      { out: (l) => out.push(l), err: (l) => err.push(l) },
    );
    expect(running).toBeUndefined();
    expect(process.exitCode).toBe(2);
    process.exitCode = undefined;
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(
      /mcp needs the admin API; drop --no-admin[\s\S]*Usage: videotask-mock \[mcp\]/,
    );
  });
});
