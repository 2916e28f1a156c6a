// What an npm install left in a project's node_modules: the packages, their sizes, their install scripts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface InstalledManifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

export interface InstalledPackage {
  dir: string;
  manifest: InstalledManifest;
}

function packageDirs(nodeModules: string): string[] {
  if (!existsSync(nodeModules)) return [];
  const dirs: string[] = [];
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith('.')) continue;
    const path = join(nodeModules, entry);
    const children = entry.startsWith('@') ? readdirSync(path).map((c) => join(path, c)) : [path];
    for (const dir of children) {
      if (!existsSync(join(dir, 'package.json'))) continue;
      dirs.push(dir, ...packageDirs(join(dir, 'node_modules')));
    }
  }
  return dirs;
}

/** Every package npm installed under `project`, nested copies included. */
export function installedPackages(project: string): InstalledPackage[] {
  return packageDirs(join(project, 'node_modules')).map((dir) => ({
    dir,
    manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')),
  }));
}

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'] as const;

/** `name@version (postinstall: …)` for each installed package that runs code when installed. */
export function installScripts(packages: InstalledPackage[]): string[] {
  return packages.flatMap(({ manifest }) =>
    INSTALL_SCRIPTS.filter((s) => manifest.scripts?.[s]).map(
      (s) => `${manifest.name}@${manifest.version} (${s}: ${manifest.scripts?.[s]})`,
    ),
  );
}

/** Node's lookup: the nearest node_modules/<name> from `fromDir` up to the project. */
function resolveFrom(fromDir: string, name: string, project: string): string | undefined {
  for (let dir = fromDir; dir.startsWith(project); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
  }
  return undefined;
}

/** Bytes of the files under `dir`, leaving out its own node_modules (those are packages of their own). */
export function dirSize(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    bytes += entry.isDirectory() ? dirSize(path) : statSync(path).size;
  }
  return bytes;
}

/** The installed package `name` and everything it depends on at run time, each once, with its size. */
export function dependencyClosure(project: string, name: string): { packages: string[]; bytes: number } {
  const seen = new Map<string, string>();
  const visit = (fromDir: string, dep: string, optional: boolean) => {
    const dir = resolveFrom(fromDir, dep, project);
    if (!dir) {
      if (optional) return;
      throw new Error(`${dep} (needed from ${fromDir}) is not installed`);
    }
    if (seen.has(dir)) return;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as InstalledManifest;
    seen.set(dir, `${manifest.name}@${manifest.version}`);
    for (const d of Object.keys(manifest.dependencies ?? {})) visit(dir, d, false);
    for (const d of Object.keys(manifest.optionalDependencies ?? {})) visit(dir, d, true);
  };
  visit(project, name, false);
  let bytes = 0;
  for (const dir of seen.keys()) bytes += dirSize(dir);
  return { packages: [...seen.values()].sort(), bytes };
}
