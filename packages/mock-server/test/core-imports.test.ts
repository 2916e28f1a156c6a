// The core (everything src/index.ts reaches) uses Web APIs only: no node: module, no Node globals.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { graph, specifiers, srcDir } from './import-graph.js';

/** Packages the core may import; each is Web-only itself (faker: the seed route's fixtures, the MCP SDK: /__mock/mcp; both loaded on first use). */
const ALLOWED_PACKAGES = [
  /^hono(\/|$)/,
  /^@videotask\/spec(\/validator|\/admin-validator|\/admin-types)?$/,
  /^@faker-js\/faker$/,
  // The MCP surface: the SDK's server, its types and its Web-standard transport (no stdio here).
  /^@modelcontextprotocol\/sdk\/(server\/mcp|server\/webStandardStreamableHttp|types)\.js$/,
];

describe('the core is Web-only', () => {
  const modules = graph(join(srcDir, 'index.ts'));

  test('the scan finds the core modules (and not the Node entry)', () => {
    const names = [...modules.keys()].map((f) => relative(srcDir, f)).sort();
    for (const expected of [
      'server.ts',
      'http/app.ts',
      'delivery/engine.ts',
      'delivery/callback-url.ts',
      'delivery/signature.ts',
      'http/files.ts',
      'http/videos.generated.ts',
    ]) {
      expect(names).toContain(expected);
    }
    expect(names.some((n) => n.startsWith('node/'))).toBe(false);
    expect(names.some((n) => n.endsWith('.test.ts'))).toBe(false);
  });

  test('no module imports node: or any package beyond hono and @videotask/spec', () => {
    const offenders: string[] = [];
    for (const [file, imports] of modules) {
      for (const spec of imports) {
        if (spec.startsWith('.')) continue;
        if (!ALLOWED_PACKAGES.some((re) => re.test(spec)))
          offenders.push(`${relative(srcDir, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test('no module uses a Node global (process, Buffer, require, __dirname, global)', () => {
    const offenders: string[] = [];
    for (const file of modules.keys()) {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "''");
      const hit = /\b(process\.|Buffer\b|require\(|__dirname|__filename|global\.)/.exec(code);
      if (hit) offenders.push(`${relative(srcDir, file)} uses ${hit[1]}`);
    }
    expect(offenders).toEqual([]);
  });

  test('the scanner would catch a node: import (it is not vacuous)', () => {
    expect(specifiers("import { readFile } from 'node:fs';\nconst x = await import('node:dns');")).toEqual([
      'node:fs',
      'node:dns',
    ]);
    expect(specifiers("export { a } from './a.js';\nimport './side.js';")).toEqual(['./a.js', './side.js']);
  });
});
