// src/generated/openapi.generated.ts is exactly what scripts/generate.ts makes of the spec.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { GENERATED_NOTE, generatedPath, renderTypes } from '../scripts/generate.js';

test('openapi.generated.ts is in sync with the spec', async () => {
  const committed = readFileSync(generatedPath, 'utf8');
  // On failure: run `pnpm --filter @videotask/client generate` and commit the file.
  expect(
    committed === (await renderTypes()),
    'openapi.generated.ts is stale: run `pnpm --filter @videotask/client generate`',
  ).toBe(true);
});

test('openapi.generated.ts says in its first line that it is generated', () => {
  const firstLine = readFileSync(generatedPath, 'utf8').split('\n')[0];
  expect(firstLine).toBe(`// ${GENERATED_NOTE}`);
});

test('the drift check notices a changed spec', async () => {
  const spec = readFileSync(new URL('../../spec/openapi.yaml', import.meta.url), 'utf8');
  const changed = spec.replace(
    'enum: [pending, processing, completed, failed]',
    'enum: [pending, processing, completed, failed, cancelled]',
  );
  expect(changed).not.toBe(spec);
  const rendered = await renderTypes(changed);
  expect(rendered).toContain('"cancelled"');
  expect(rendered).not.toBe(readFileSync(generatedPath, 'utf8'));
});
