// Writes src/generated/openapi.generated.ts from @videotask/spec's openapi.yaml with openapi-typescript;
// `--check` only reports drift (the build runs it, and test/generated.test.ts fails on drift too).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const GENERATED_NOTE =
  "Generated from @videotask/spec's openapi.yaml by scripts/generate.ts (openapi-typescript). Do not edit: run `pnpm --filter @videotask/client generate`.";

/** Where the spec comes from: the workspace package, resolved like any dependency. */
export const specPath = createRequire(import.meta.url).resolve('@videotask/spec/openapi.yaml');

export const generatedPath = fileURLToPath(new URL('../src/generated/openapi.generated.ts', import.meta.url));

/** The text openapi.generated.ts must hold for the current spec. */
export async function renderTypes(source: string | URL = pathToFileURL(specPath)): Promise<string> {
  const ast = await openapiTS(source, {
    // Runtime arrays of every enum (taskStatusValues, …) so code never re-types an enum by hand.
    enumValues: true,
    // A `default` in the spec is what the server fills in, not something a request must send.
    defaultNonNullable: false,
  });
  return `// ${GENERATED_NOTE}\n\n${astToString(ast)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const expected = await renderTypes();
  if (process.argv.includes('--check')) {
    let actual = '';
    try {
      actual = readFileSync(generatedPath, 'utf8');
    } catch {}
    if (actual !== expected) {
      console.error(
        'src/generated/openapi.generated.ts is out of date with the spec: run `pnpm --filter @videotask/client generate`.',
      );
      process.exit(1);
    }
    console.log('openapi.generated.ts is in sync with the spec');
  } else {
    writeFileSync(generatedPath, expected);
    console.log(`wrote ${generatedPath}`);
  }
}
