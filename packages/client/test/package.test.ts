// Constants that mirror other files stay equal to them, and the package is shaped for npm.
import { readFileSync } from 'node:fs';
import { PRODUCTION_BASE_URL } from '@videotask/spec';
import { expect, test } from 'vitest';
import { DEFAULT_BASE_URL, taskStatusValues, VERSION } from '../src/index.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

test('VERSION is package.json version', () => {
  expect(VERSION).toBe(pkg.version);
});

test("DEFAULT_BASE_URL is the spec's production server", () => {
  expect(PRODUCTION_BASE_URL).toMatch(/^https:\/\//);
  expect(DEFAULT_BASE_URL).toBe(PRODUCTION_BASE_URL);
});

test("runtime enums come from the spec's generated types", () => {
  expect(taskStatusValues).toEqual(['pending', 'processing', 'completed', 'failed']);
});

test('package.json: exports map with types first, files, sideEffects, engines, no workspace runtime deps', () => {
  for (const condition of ['import', 'require'] as const) {
    const entry = pkg.exports['.'][condition];
    expect(Object.keys(entry)[0]).toBe('types');
  }
  expect(pkg.files).toContain('dist');
  expect(pkg.sideEffects).toBe(false);
  expect(pkg.engines.node).toMatch(/^>=20/);
  expect(Object.keys(pkg.dependencies)).toEqual(['openapi-fetch']);
});
