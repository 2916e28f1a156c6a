// The mock's layers, top first (ARCHITECTURE.md's picture), and the checks layers.test.ts runs over the
// source: which layer a module is in, the imports that point up, the import cycles.

/** The layers, top first; a member ending in `/` is a folder under src/, else a file in src/. */
export const LAYERS: { name: string; members: string[] }[] = [
  { name: 'the Node entry and the CLI', members: ['node/', 'record-replay-cli.ts'] },
  {
    name: 'the package entries, where the surfaces are composed',
    members: ['index.ts', 'server.ts', 'har.ts', 'fixtures.ts', 'admin-client/'],
  },
  { name: 'surfaces built on the HTTP helpers', members: ['dashboard/', 'mcp/', 'proxy/'] },
  { name: 'the HTTP surfaces', members: ['http/'] },
  { name: 'the command core', members: ['core/', 'options.ts', 'fixtures/'] },
  { name: 'callback delivery', members: ['delivery/'] },
  { name: 'the store', members: ['store/'] },
  { name: 'the pure domain', members: ['domain/'] },
];

/** The index in LAYERS of a module's layer (0 is the top), or -1 when it is in none. */
export function layerOf(module: string): number {
  return LAYERS.findIndex(({ members }) =>
    members.some((m) => (m.endsWith('/') ? module.startsWith(m) : module === m)),
  );
}

/** Each import of a module from a layer above its own, as `from -> to (layer)`. */
export function upwardImports(modules: Map<string, string[]>): string[] {
  const offenders: string[] = [];
  for (const [from, imports] of modules) {
    for (const to of imports) {
      if (layerOf(to) < layerOf(from)) offenders.push(`${from} -> ${to} (${LAYERS[layerOf(to)]?.name})`);
    }
  }
  return offenders;
}

/** Every import cycle, each as the modules around it (`a -> b -> a`). */
export function cycles(modules: Map<string, string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (module: string) => {
    state.set(module, 'open');
    path.push(module);
    for (const next of modules.get(module) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(module, 'done');
  };
  for (const module of modules.keys()) if (!state.has(module)) visit(module);
  return found;
}
