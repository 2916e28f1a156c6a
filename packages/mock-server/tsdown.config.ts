import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { defineConfig } from 'tsdown';
import { DOCS_ASSETS } from './src/http/docs.js';

// The swagger-ui files /docs loads, with their licences: shipped in dist/swagger-ui so that installing
// the mock does not pull in swagger-ui-dist (12 MB, and an analytics postinstall).
const swaggerUi = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const swaggerUiFiles = [
  ...DOCS_ASSETS,
  ...DOCS_ASSETS.filter((name) => name.endsWith('.js')).map((name) => `${name}.LICENSE.txt`),
  'LICENSE',
  'NOTICE',
];

export default defineConfig({
  // index: the Web-only core; node: the Node entry (server, DNS, docs assets); cli: the bin;
  // admin-client: the typed admin API client for tests elsewhere (Web-only, without the mock);
  // har: HAR files (record and replay, the drift report).
  // fixtures: the seeded faker fixtures (Web-only), which @videotask/testing re-exports.
  entry: {
    index: 'src/index.ts',
    node: 'src/node/index.ts',
    cli: 'src/node/cli.ts',
    'admin-client': 'src/admin-client/index.ts',
    har: 'src/har.ts',
    fixtures: 'src/fixtures.ts',
  },
  format: ['esm'],
  dts: true,
  platform: 'node',
  target: 'es2022',
  sourcemap: true,
  clean: true,
  // .js/.d.ts (the package is type: module), as the exports map says.
  fixedExtension: false,
  copy: [{ from: swaggerUiFiles.map((name) => `${swaggerUi}/${name}`), to: 'dist/swagger-ui' }],
});
