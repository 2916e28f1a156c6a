// openapi.json is exactly what scripts/bundle.ts makes of openapi.yaml, and the package exports it.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { GENERATED_NOTE, renderBundle } from '../scripts/bundle.js';
import { spec } from '../src/index.js';

test('openapi.json is in sync with openapi.yaml', () => {
  const committed = readFileSync(new URL('../openapi.json', import.meta.url), 'utf8');
  // On failure: run `pnpm --filter @videotask/spec generate` and commit openapi.json.
  expect(
    committed === renderBundle(),
    'openapi.json is stale: run `pnpm --filter @videotask/spec generate`',
  ).toBe(true);
});

test('openapi.json says in its first lines that it is generated', () => {
  const firstLines = readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')
    .split('\n')
    .slice(0, 2);
  expect(firstLines.join('\n')).toContain(GENERATED_NOTE);
});

test('the exported spec is the bundled document', () => {
  expect(spec.openapi).toBe('3.1.0');
  expect(JSON.parse(renderBundle())).toEqual(spec);
});
