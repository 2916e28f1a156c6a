// Writes every generated file of the package from the two hand-written documents; `--check` only
// reports drift (the build runs it; test/generated.test.ts fails on drift too).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundle, createConfig } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { exampleTypesSource } from './example-types.js';
import { renderModelsDoc, withReadmeTable } from './models-doc.js';

const packageFile = (name: string) => fileURLToPath(new URL(`../${name}`, import.meta.url));

/** The first-line note of a generated file: what it is made from and how to remake it. */
export const generatedNote = (source: string) =>
  `Generated from ${source} by scripts/generate.ts. Do not edit: run \`pnpm --filter @videotask/spec generate\`.`;

/** openapi.json: openapi.yaml as JSON, the note first so the file's opening lines say it is generated. */
export function renderOpenApiJson(yamlText = readFileSync(packageFile('openapi.yaml'), 'utf8')): string {
  const doc = { 'x-generated': generatedNote('openapi.yaml'), ...parse(yamlText) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * mock-admin.json: mock-admin.yaml with the public schemas it refers to (`./openapi.yaml#/…`)
 * pulled into its own components, so every ref is local and validators compile it on its own.
 */
export async function renderAdminJson(): Promise<string> {
  const config = await createConfig({});
  const { bundle: result, problems } = await bundle({ ref: packageFile('mock-admin.yaml'), config });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`mock-admin.yaml does not bundle: ${errors[0]?.message}`);
  const doc = { 'x-generated': generatedNote('mock-admin.yaml'), ...(result.parsed as object) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** TypeScript types of a document (openapi-typescript), with runtime arrays of every enum. */
export async function renderTypes(source: string | URL, sourceName: string): Promise<string> {
  const ast = await openapiTS(source, {
    // Runtime arrays of every enum (taskStatusValues, …) so code never re-types an enum by hand.
    enumValues: true,
    // A `default` in the spec is what the server fills in, not something a request must send.
    defaultNonNullable: false,
  });
  return `// ${generatedNote(sourceName)}\n\n${astToString(ast)}`;
}

/** Every generated file (path relative to the package) and the text it must hold. */
export async function renderAll(): Promise<Map<string, string>> {
  const openapiJson = renderOpenApiJson();
  const adminJson = await renderAdminJson();
  return new Map([
    ['openapi.json', openapiJson],
    ['mock-admin.json', adminJson],
    [
      'src/generated/openapi.generated.ts',
      await renderTypes(pathToFileURL(packageFile('openapi.yaml')), 'openapi.yaml'),
    ],
    [
      'src/generated/mock-admin.generated.ts',
      await renderTypes(pathToFileURL(packageFile('mock-admin.yaml')), 'mock-admin.yaml'),
    ],
    [
      'src/generated/examples.generated.ts',
      exampleTypesSource(
        JSON.parse(openapiJson),
        JSON.parse(adminJson),
        generatedNote('openapi.yaml and mock-admin.yaml'),
      ),
    ],
    ['MODELS.md', renderModelsDoc(JSON.parse(openapiJson), generatedNote('openapi.yaml'))],
  ]);
}

/** The repository's README, its models table rendered from the spec (the rest of it is hand-written). */
export const README_PATH = '../../README.md';

export function renderReadme(): string {
  return withReadmeTable(readFileSync(packageFile(README_PATH), 'utf8'), JSON.parse(renderOpenApiJson()));
}

/** The generated files whose committed text differs from what the documents make now. */
export async function staleFiles(): Promise<string[]> {
  const stale: string[] = [];
  for (const [path, expected] of await renderAll()) {
    let actual = '';
    try {
      actual = readFileSync(packageFile(path), 'utf8');
    } catch {}
    if (actual !== expected) stale.push(path);
  }
  if (renderReadme() !== readFileSync(packageFile(README_PATH), 'utf8')) stale.push(README_PATH);
  return stale;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const stale = await staleFiles();
    if (stale.length) {
      console.error(
        `Out of date with the documents: ${stale.join(', ')}. Run \`pnpm --filter @videotask/spec generate\`.`,
      );
      process.exit(1);
    }
    console.log('the generated files are in sync with openapi.yaml and mock-admin.yaml');
  } else {
    for (const [path, text] of await renderAll()) writeFileSync(packageFile(path), text);
    writeFileSync(packageFile(README_PATH), renderReadme());
    console.log(
      "wrote openapi.json, mock-admin.json, MODELS.md, src/generated/ and the README's models table",
    );
  }
}
