import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harEntry, harLog } from '@videotask/mock-server/har';
import { spec } from '@videotask/spec';
import { deref } from '@videotask/spec/validator';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'videotask-drift-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function harFile(name: string, body: unknown): string {
  const entry = harEntry({
    started: new Date(),
    timeMs: 1,
    method: 'GET',
    url: 'https://api.evolink.ai/v1/credits',
    requestHeaders: new Headers(),
    requestBody: new Uint8Array(),
    status: 200,
    responseHeaders: new Headers({ 'content-type': 'application/json' }),
    responseBody: new TextEncoder().encode(JSON.stringify(body)),
    info: { kind: 'api', source: 'upstream' },
  });
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(harLog([entry], { name: 'test', version: '0' })));
  return file;
}

describe('videotask-drift', () => {
  test('exit 0 when nothing breaks; the JSON and Markdown files are written', async () => {
    const credits = deref<{ value: unknown }>(spec, spec.components.examples?.Credits).value;
    const file = harFile('clean.har', credits);
    const result = await run([file, '--json', join(dir, 'r.json'), '--markdown', join(dir, 'r.md')]);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('0 breaking, 0 additive');
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))).toMatchObject({
      breaking: 0,
      findings: [],
    });
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toContain('No finding');
  });

  test('exit 1 with a breaking finding', async () => {
    expect((await run([harFile('broken.har', { data: {}, success: 'yes' })])).code).toBe(1);
  });

  test.each([
    [[], /name a HAR file or a directory/],
    [['--nope', 'x.har'], /Unknown option '--nope'/],
    [[join(dir, 'missing.har')], /missing\.har: no such file or directory/],
    [['package.json'], /package\.json is not a HAR file/],
    [['tsconfig.json', '--json'], /--json/],
  ])('exit 2 for %j with a clear message', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
  });

  test('an empty directory is unreadable input, named', async () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    expect(await run([empty])).toMatchObject({ code: 2, err: expect.stringContaining('holds no .har file') });
  });
});
