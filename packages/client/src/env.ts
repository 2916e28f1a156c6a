// Reads an environment variable where one exists (Node, Bun, Deno) and quietly returns undefined
// elsewhere (browsers, edge runtimes), so importing the client never touches a missing `process`.

interface EnvHost {
  process?: { env?: Record<string, string | undefined> };
  Deno?: { env?: { get?: (name: string) => string | undefined } };
}

export function readEnv(name: string): string | undefined {
  const host = globalThis as EnvHost;
  try {
    const fromProcess = host.process?.env?.[name];
    if (fromProcess !== undefined) return fromProcess.trim() || undefined;
  } catch {
    // Deno without --allow-env throws on access.
  }
  try {
    return host.Deno?.env?.get?.(name)?.trim() || undefined;
  } catch {
    return undefined;
  }
}
