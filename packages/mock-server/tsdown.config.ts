import { defineConfig } from 'tsdown';

export default defineConfig({
  // index: the Web-only core; node: the Node entry (server, DNS, docs assets); cli: the bin;
  // fixtures: the seeded faker fixtures (Web-only), which @videotask/testing re-exports.
  entry: ['src/index.ts', 'src/node.ts', 'src/cli.ts', 'src/fixtures.ts'],
  format: ['esm'],
  dts: true,
  platform: 'node',
  target: 'es2022',
  sourcemap: true,
  clean: true,
  // .js/.d.ts (the package is type: module), as the exports map says.
  fixedExtension: false,
});
