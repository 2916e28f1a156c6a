// Every generated file is exactly what scripts/generate.ts makes of the two documents, says so in its
// first line, and the package exports what it holds.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { exampleTypesSource } from '../scripts/example-types.js';
import {
  generatedNote,
  README_PATH,
  renderAll,
  renderOpenApiJson,
  renderReadme,
  renderTypes,
} from '../scripts/generate.js';
import { adminSpec, spec } from '../src/index.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const rendered = await renderAll();

test('every generated file is in sync with openapi.yaml and mock-admin.yaml', () => {
  // On failure: run `pnpm --filter @videotask/spec generate` and commit the files.
  const stale = [...rendered].filter(([path, text]) => read(path) !== text).map(([path]) => path);
  expect(stale).toEqual([]);
  expect([...rendered.keys()]).toEqual([
    'openapi.json',
    'mock-admin.json',
    'src/generated/openapi.generated.ts',
    'src/generated/mock-admin.generated.ts',
    'src/generated/examples.generated.ts',
    'MODELS.md',
  ]);
});

test.each([...rendered.keys()])('%s says in its first lines that it is generated', (path) => {
  const firstLines = read(path).split('\n').slice(0, 2).join('\n');
  expect(firstLines).toMatch(
    /Generated from (openapi|mock-admin)\.yaml.* by scripts\/generate\.ts\. Do not edit/,
  );
});

test('the exported documents are the bundled files', () => {
  expect(spec).toEqual(JSON.parse(read('openapi.json')));
  expect(adminSpec).toEqual(JSON.parse(read('mock-admin.json')));
  expect(adminSpec.openapi).toBe('3.1.0');
});

test('the admin bundle refers only to itself: the public schemas it uses are copied in', () => {
  const refs = [...read('mock-admin.json').matchAll(/"\$ref": "([^"]*)"/g)].map((m) => m[1] as string);
  expect(refs.length).toBeGreaterThan(50);
  expect(refs.filter((ref) => !ref.startsWith('#/components/'))).toEqual([]);
  expect(adminSpec.components.schemas.VideoTask).toEqual(spec.components.schemas.VideoTask);
  expect(adminSpec.components.schemas.CreditsResponse).toEqual(spec.components.schemas.CreditsResponse);
});

test('the drift check notices a changed document', async () => {
  const yaml = read('openapi.yaml');
  const changed = yaml.replace(
    'enum: [pending, processing, completed, failed]',
    'enum: [pending, processing, completed, failed, cancelled]',
  );
  expect(changed).not.toBe(yaml);
  expect(renderOpenApiJson(changed)).not.toBe(rendered.get('openapi.json'));
  const types = await renderTypes(changed, 'openapi.yaml');
  expect(types).toContain('"cancelled"');
  expect(types).not.toBe(rendered.get('src/generated/openapi.generated.ts'));
}, 60_000);

test('the example types follow the documents: a retargeted example changes them, an unusable one fails', () => {
  const publicDoc = JSON.parse(read('openapi.json'));
  const adminDoc = JSON.parse(read('mock-admin.json'));
  const note = generatedNote('openapi.yaml and mock-admin.yaml');
  expect(exampleTypesSource(publicDoc, adminDoc, note)).toBe(
    rendered.get('src/generated/examples.generated.ts'),
  );
  // Credits illustrated by ErrorResponse instead: the interface must say so.
  const media = publicDoc.paths['/v1/credits'].get.responses['200'].content['application/json'];
  media.schema = { $ref: '#/components/schemas/ErrorResponse' };
  expect(exampleTypesSource(publicDoc, adminDoc, note)).toContain(
    'Credits: components["schemas"]["ErrorResponse"];',
  );
  media.schema = { type: 'object' };
  expect(() => exampleTypesSource(publicDoc, adminDoc, note)).toThrow(/inline/);
});

test('the generated admin types hold every admin route', () => {
  const types = read('src/generated/mock-admin.generated.ts');
  for (const path of Object.keys(adminSpec.paths)) expect(types).toContain(`"${path}": {`);
  expect(Object.keys(adminSpec.paths)).toContain('/__mock/seed');
});

test('MODELS.md has one row per model of the spec, with its price in credits', () => {
  const doc = read('MODELS.md');
  const mapping = (spec.components.schemas.VideoGenerationRequest as { discriminator: { mapping: object } })
    .discriminator.mapping;
  for (const id of Object.keys(mapping)) expect(doc).toContain(`[\`${id}\`]`);
  expect(doc).toContain('10,true → 3.737');
  expect(doc).toContain('**estimated**');
});

test("the README's models table is the one the spec makes", () => {
  // On failure: run `pnpm --filter @videotask/spec generate` and commit README.md.
  const readme = read(README_PATH);
  expect(renderReadme()).toBe(readme);
  expect(readme).toContain('| `MiniMax-Hailuo-02`');
  expect(readme).toContain('512p, 768p, 1080p');
});
