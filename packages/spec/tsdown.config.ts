import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/validator.ts'],
  format: ['esm'],
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  clean: true,
});
