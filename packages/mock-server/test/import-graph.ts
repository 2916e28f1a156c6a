// The mock's source modules and what each imports, read from the text (static, re-export and dynamic
// imports, type-only ones included): the scans behind core-imports.test.ts and layers.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const srcDir = fileURLToPath(new URL('../src/', import.meta.url));

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

/** Every module specifier a source text imports or re-exports from. */
export function specifiers(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** The file a relative specifier names (`./x.js` is `./x.ts` in the source). */
export function resolveRelative(from: string, spec: string): string {
  const ts = join(dirname(from), spec.replace(/\.js$/, '.ts'));
  return existsSync(ts) ? ts : join(dirname(from), spec);
}

/** Every module reachable from an entry through relative imports, with its bare imports. */
export function graph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const imports = specifiers(readFileSync(file, 'utf8'));
    seen.set(file, imports);
    for (const spec of imports) if (spec.startsWith('.')) visit(resolveRelative(file, spec));
  };
  visit(entry);
  return seen;
}

/** Every source module under src/ (tests excluded), as a path relative to src/, with the modules it imports. */
export function sourceModules(): Map<string, string[]> {
  const modules = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const relativeImports = specifiers(readFileSync(path, 'utf8')).filter((s) => s.startsWith('.'));
        modules.set(
          relative(srcDir, path),
          relativeImports.map((s) => relative(srcDir, resolveRelative(path, s))),
        );
      }
    }
  };
  walk(srcDir);
  return modules;
}
