// Packs every published package once, into a temporary folder outside the workspace, for all test files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type PackedPackage, pack, publishedPackages } from './workspace.js';

declare module 'vitest' {
  export interface ProvidedContext {
    packed: PackedPackage[];
  }
}

export default async function setup(project: TestProject) {
  const destination = mkdtempSync(join(tmpdir(), 'videotask-tarballs-'));
  const packed: PackedPackage[] = [];
  // One at a time: pnpm pack is quick, and CI has two cores.
  for (const { dir } of publishedPackages()) packed.push(await pack(dir, destination));
  project.provide('packed', packed);
  return () => rmSync(destination, { recursive: true, force: true });
}
