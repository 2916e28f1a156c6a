// Writes openapi.json from openapi.yaml (the hand-written source); `--check` only reports drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const GENERATED_NOTE =
  'Generated from openapi.yaml by scripts/bundle.ts. Do not edit: run `pnpm generate`.';

const yamlPath = fileURLToPath(new URL('../openapi.yaml', import.meta.url));
const jsonPath = fileURLToPath(new URL('../openapi.json', import.meta.url));

/** The JSON text openapi.json must hold for the current openapi.yaml. */
export function renderBundle(yamlText = readFileSync(yamlPath, 'utf8')): string {
  // The note goes first so the file's opening lines say it is generated.
  const doc = { 'x-generated': GENERATED_NOTE, ...parse(yamlText) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const expected = renderBundle();
  if (process.argv.includes('--check')) {
    const actual = readFileSync(jsonPath, 'utf8');
    if (actual !== expected) {
      console.error(
        'openapi.json is out of date with openapi.yaml: run `pnpm --filter @videotask/spec generate`.',
      );
      process.exit(1);
    }
    console.log('openapi.json is in sync with openapi.yaml');
  } else {
    writeFileSync(jsonPath, expected);
    console.log(`wrote ${jsonPath}`);
  }
}
