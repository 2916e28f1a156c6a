import { defineConfig } from 'tsdown';

export default defineConfig({
  // index: the report as a library; cli: the videotask-drift bin.
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  dts: true,
  platform: 'node',
  target: 'es2022',
  sourcemap: true,
  clean: true,
  fixedExtension: false,
});
