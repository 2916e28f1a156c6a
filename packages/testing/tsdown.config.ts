import { defineConfig } from 'tsdown';

export default defineConfig({
  // index: fixtures and fakeCallback; msw: the MSW handlers (msw stays the user's own copy).
  entry: ['src/index.ts', 'src/msw.ts'],
  format: ['esm'],
  fixedExtension: false,
  dts: true,
  sourcemap: true,
  clean: true,
  // No Node built-ins: the same build runs under msw/node and in the browser with msw/browser.
  platform: 'neutral',
  target: 'es2022',
});
