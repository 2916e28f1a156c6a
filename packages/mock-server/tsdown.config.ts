import { defineConfig } from 'tsdown';

export default defineConfig({
  // index: the Web-only core; node: the Node entry (server, DNS, docs assets); cli: the bin;
  // admin-client: the typed admin API client for tests elsewhere (Web-only, without the mock).
  entry: {
    index: 'src/index.ts',
    node: 'src/node.ts',
    cli: 'src/cli.ts',
    'admin-client': 'src/admin-client/index.ts',
  },
  format: ['esm'],
  dts: true,
  platform: 'node',
  target: 'es2022',
  sourcemap: true,
  clean: true,
  // .js/.d.ts (the package is type: module), as the exports map says.
  fixedExtension: false,
});
