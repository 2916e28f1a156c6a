import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts'],
  // ESM for today's consumers, CommonJS for older Node projects; each with its own declarations.
  format: ['esm', 'cjs'],
  // @videotask/spec is a devDependency, so its generated types and enum arrays are built in:
  // the published client needs neither the spec's documents nor its validators (ajv).
  dts: true,
  // No Node built-ins: the same build runs in Node, browsers, Deno, Bun and edge runtimes.
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  clean: true,
});
