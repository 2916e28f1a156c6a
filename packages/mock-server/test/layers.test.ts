// The mock's layers only point down: each source module sits in one layer (ARCHITECTURE.md's picture)
// and imports only its own layer or those below it, and no modules import each other in a cycle.
import { describe, expect, test } from 'vitest';
import { sourceModules } from './import-graph.js';
import { cycles, layerOf, upwardImports } from './layers.js';

describe('the layers only point down', () => {
  const modules = sourceModules();

  test('the scan finds the source modules, and each import names one of them', () => {
    expect(modules.size).toBeGreaterThan(80);
    for (const expected of ['core/commands.ts', 'http/app.ts', 'dashboard/index.ts', 'domain/errors.ts'])
      expect(modules.has(expected)).toBe(true);
    const unresolved = [...modules].flatMap(([from, imports]) =>
      imports.filter((to) => !modules.has(to)).map((to) => `${from} -> ${to}`),
    );
    expect(unresolved).toEqual([]);
  });

  test('every module sits in a layer (a new folder is given one here and in ARCHITECTURE.md)', () => {
    expect([...modules.keys()].filter((m) => layerOf(m) < 0)).toEqual([]);
  });

  test('no module imports from a layer above its own', () => {
    expect(upwardImports(modules)).toEqual([]);
  });

  test('no modules import each other in a cycle', () => {
    expect(cycles(modules)).toEqual([]);
  });

  test('the checks would catch an upward import and a cycle (they are not vacuous)', () => {
    const upward = new Map([
      ['core/result.ts', ['http/errors.ts']],
      ['http/errors.ts', []],
    ]);
    expect(upwardImports(upward)).toEqual(['core/result.ts -> http/errors.ts (the HTTP surfaces)']);
    const loop = new Map([
      ['core/commands.ts', ['core/seed.ts']],
      ['core/seed.ts', ['core/commands.ts']],
    ]);
    expect(cycles(loop)).toEqual(['core/commands.ts -> core/seed.ts -> core/commands.ts']);
  });
});
