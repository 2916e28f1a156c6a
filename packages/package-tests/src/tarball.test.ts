import { describe, expect, test } from 'vitest';
import { importSpecifiers, type Manifest, referencedFiles, tarballProblems } from './tarball.js';

const manifest: Manifest = {
  name: '@videotask/example',
  version: '1.0.0',
  main: './dist/index.cjs',
  types: './dist/index.d.cts',
  bin: { example: './bin/example.js' },
  exports: {
    '.': {
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    },
    './openapi.yaml': './openapi.yaml',
    './node': './dist/node.js',
    './package.json': './package.json',
  },
  dependencies: { hono: '^4.13.0' },
};
const complete = [
  'package.json',
  'README.md',
  'LICENSE',
  'bin/example.js',
  'dist/index.js',
  'dist/index.cjs',
  'dist/index.d.ts',
  'dist/index.d.cts',
  'dist/node.js',
  'openapi.yaml',
];

describe('tarballProblems', () => {
  test('a complete tarball with registry ranges has none', () => {
    expect(tarballProblems(manifest, complete)).toEqual([]);
  });

  test('a file named by exports or bin but left out of `files` is reported', () => {
    const files = complete.filter((f) => f !== 'openapi.yaml' && f !== 'bin/example.js');
    expect(tarballProblems(manifest, files)).toEqual([
      '@videotask/example: bin/example.js is named in package.json but not in the tarball',
      '@videotask/example: openapi.yaml is named in package.json but not in the tarball',
    ]);
  });

  test('workspace:, catalog: and link: ranges are reported, in any dependency field', () => {
    const broken: Manifest = {
      ...manifest,
      dependencies: { '@videotask/spec': 'workspace:^' },
      devDependencies: { vitest: 'catalog:' },
      peerDependencies: { hono: 'link:../hono' },
    };
    expect(tarballProblems(broken, complete)).toEqual([
      '@videotask/example: dependencies.@videotask/spec is "workspace:^", which npm cannot install',
      '@videotask/example: devDependencies.vitest is "catalog:", which npm cannot install',
      '@videotask/example: peerDependencies.hono is "link:../hono", which npm cannot install',
    ]);
  });

  test('a registry page needs the README and the licence', () => {
    expect(tarballProblems(manifest, complete.slice(3).concat('package.json'))).toEqual([
      '@videotask/example: the tarball has no README.md',
      '@videotask/example: the tarball has no LICENSE',
    ]);
  });
});

test('referencedFiles reads exports, bin, main and types', () => {
  expect(referencedFiles(manifest)).toEqual(complete.slice(3).concat('package.json').sort());
});

test('importSpecifiers lists the code entries, not data files', () => {
  expect(importSpecifiers(manifest)).toEqual(['@videotask/example', '@videotask/example/node']);
  expect(importSpecifiers({ name: 'one', version: '1.0.0', exports: './index.js' })).toEqual(['one']);
});
