// The workspace's published packages, packed with pnpm (which rewrites workspace: and catalog: ranges).
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Manifest } from './tarball.js';

export const run = promisify(execFile);

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The environment without pnpm's npm_config_* settings, which npm must not inherit under `pnpm test`. */
export const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key)),
) as NodeJS.ProcessEnv;

export interface WorkspacePackage {
  dir: string;
  manifest: Manifest & { publishConfig?: Record<string, unknown>; [field: string]: unknown };
}

/** Every package under packages/, private ones included. */
export function workspacePackages(): WorkspacePackage[] {
  const root = join(repoRoot, 'packages');
  return readdirSync(root)
    .map((name) => join(root, name))
    .filter((dir) => statSync(join(dir, 'package.json'), { throwIfNoEntry: false })?.isFile())
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }));
}

/** What `changeset publish` publishes: every package that is not private. */
export function publishedPackages(): WorkspacePackage[] {
  return workspacePackages().filter((p) => !p.manifest.private);
}

export interface PackedPackage {
  name: string;
  tarball: string;
  /** Size of the .tgz in bytes. */
  size: number;
  /** The tarball's paths, without the leading `package/`. */
  files: string[];
  /** The package.json inside the tarball (as pnpm rewrote it). */
  manifest: Manifest;
}

/** The tarball's paths (without `package/`) and its packed package.json. */
async function readTarball(tarball: string): Promise<{ files: string[]; manifest: Manifest }> {
  const listing = await run('tar', ['-tzf', tarball]);
  const files = listing.stdout
    .trim()
    .split('\n')
    .map((f) => f.replace(/^package\//, ''));
  const json = await run('tar', ['-xzOf', tarball, 'package/package.json']);
  return { files, manifest: JSON.parse(json.stdout) };
}

/** `pnpm pack` into `destination`, and what the tarball holds. */
export async function pack(dir: string, destination: string): Promise<PackedPackage> {
  const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', destination], {
    cwd: dir,
    env: cleanEnv,
  });
  const { filename } = JSON.parse(stdout) as { filename: string };
  const { files, manifest } = await readTarball(filename);
  return { name: manifest.name, tarball: filename, size: statSync(filename).size, files, manifest };
}
