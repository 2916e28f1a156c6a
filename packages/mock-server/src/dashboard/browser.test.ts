// The served script is the bundle of the TypeScript sources in browser/ (run `pnpm dashboard` after changing them).
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { bundleDashboardScript, renderDashboardModule } from '../../scripts/bundle-dashboard.js';
import { DASHBOARD_JS } from './browser.generated.js';

test('browser.generated.ts is the current bundle of browser/*.ts', async () => {
  expect(readFileSync(new URL('./browser.generated.ts', import.meta.url), 'utf8')).toBe(
    await renderDashboardModule(),
  );
  expect(`${DASHBOARD_JS}\n`).toBe(await bundleDashboardScript());
});
