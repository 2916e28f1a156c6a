// What a packed tarball must be to install alone: every file its manifest names, and only registry ranges.

/** The fields of a packed package.json that these checks read. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  main?: string;
  module?: string;
  types?: string;
  typings?: string;
  bin?: string | Record<string, string>;
  exports?: unknown;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;

/** Ranges only a workspace understands; npm cannot install them. */
const WORKSPACE_RANGE = /^(workspace|catalog|link|file):/;

function targets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(targets);
  return [];
}

/** Every file the manifest points at (exports, main, module, types, bin), as paths inside the package. */
export function referencedFiles(manifest: Manifest): string[] {
  const paths = [
    ...targets(manifest.exports),
    ...targets(manifest.bin),
    ...[manifest.main, manifest.module, manifest.types, manifest.typings].filter(
      (p): p is string => typeof p === 'string',
    ),
  ];
  return [...new Set(paths.map((p) => p.replace(/^\.\//, '')))].sort();
}

/** The JavaScript entry points a consumer imports: `name` and `name/sub` for each export that is code. */
export function importSpecifiers(manifest: Manifest): string[] {
  const exportsMap = manifest.exports;
  if (exportsMap === undefined) return manifest.main ? [manifest.name] : [];
  const keys = exportsMap && typeof exportsMap === 'object' ? Object.keys(exportsMap) : [];
  // A string or a conditions object exports the package root only.
  const subpaths = keys.length && keys.every((k) => k.startsWith('.')) ? keys : ['.'];
  return subpaths
    .filter((key) => !key.includes('*') && !/\.(json|ya?ml)$/.test(key))
    .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`));
}

/**
 * What is wrong with a tarball, as sentences (empty when it installs alone): a file the manifest
 * names that is not in it (a `files` entry forgotten), a range only the workspace understands.
 * `files` are the tarball's paths without the leading `package/`.
 */
export function tarballProblems(manifest: Manifest, files: readonly string[]): string[] {
  const problems: string[] = [];
  const present = new Set(files);
  for (const file of referencedFiles(manifest)) {
    const found = file.includes('*')
      ? files.some((f) => f.startsWith(file.slice(0, file.indexOf('*'))))
      : present.has(file);
    if (!found) problems.push(`${manifest.name}: ${file} is named in package.json but not in the tarball`);
  }
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (WORKSPACE_RANGE.test(range))
        problems.push(`${manifest.name}: ${field}.${name} is "${range}", which npm cannot install`);
    }
  }
  for (const file of ['package.json', 'README.md', 'LICENSE']) {
    if (!present.has(file)) problems.push(`${manifest.name}: the tarball has no ${file}`);
  }
  return problems;
}
