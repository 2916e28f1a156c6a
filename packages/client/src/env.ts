// Reads an environment variable where one exists (Node, Bun, Deno) and quietly returns undefined
// elsewhere (browsers, edge runtimes), so importing the client never touches a missing `process`.

/** The globals read: at run time either may be missing, which `attempt` turns into undefined. */
interface EnvHost {
  process: { env: Record<string, string | undefined> };
  Deno: { env: { get: (name: string) => string | undefined } };
}

/** `read()`, or undefined when it throws: a missing global, or Deno without --allow-env. */
function attempt(read: () => string | undefined): string | undefined {
  try {
    return read();
  } catch {
    // Nothing to read here: the same answer as an unset variable.
  }
  return undefined;
}

export function readEnv(name: string): string | undefined {
  const host = globalThis as unknown as EnvHost;
  const value = attempt(() => host.process.env[name]) ?? attempt(() => host.Deno.env.get(name));
  return value?.trim() || undefined;
}
