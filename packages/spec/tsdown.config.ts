import { defineConfig } from 'tsdown';

export default defineConfig({
  // index: the documents, types and examples; types/admin-types: generated types and enum arrays
  // without the documents; validator/admin-validator: ajv validators compiled from them.
  entry: ['src/index.ts', 'src/types.ts', 'src/admin-types.ts', 'src/validator.ts', 'src/admin-validator.ts'],
  format: ['esm'],
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  clean: true,
});
