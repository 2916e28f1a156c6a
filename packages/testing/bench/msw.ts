// Figures for the README: the browser bundle of @videotask/testing/msw (minified, gzipped; esbuild) and the
// in-process time of one create and one read through MSW (msw/node's setupServer, global fetch).
// Run: pnpm --filter @videotask/testing bench (after a build: the bundle is made from dist/, as users get it).
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { setupServer } from 'msw/node';
import { createVideoTaskHandlers } from '../src/msw.js';

const ENTRY = fileURLToPath(new URL('../dist/msw.js', import.meta.url));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Minified browser bundle of the entry, split so lazy imports (the seed route's faker) are their own chunks. */
async function bundleSize(external: string[]) {
  const result = await build({
    stdin: { contents: `export { createVideoTaskHandlers } from ${JSON.stringify(ENTRY)};`, resolveDir: '.' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    outdir: 'out',
    external,
  });
  // What a page loads up front: the entry and the chunks it imports statically.
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((o) => outputs[o]?.entryPoint !== undefined) as string;
  const initial = new Set([
    entry,
    ...(outputs[entry]?.imports ?? []).filter((i) => i.kind === 'import-statement').map((i) => i.path),
  ]);
  let up = { raw: 0, gz: 0 };
  let lazy = { raw: 0, gz: 0 };
  for (const file of result.outputFiles) {
    const name = file.path.slice(file.path.lastIndexOf('/out/') + 1);
    const sizes = { raw: file.contents.length, gz: gzipSync(file.contents, { level: 9 }).length };
    if (initial.has(name)) up = { raw: up.raw + sizes.raw, gz: up.gz + sizes.gz };
    else lazy = { raw: lazy.raw + sizes.raw, gz: lazy.gz + sizes.gz };
  }
  return { up, lazy };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

async function timeThroughMsw(rounds: number) {
  const { handlers, mock } = createVideoTaskHandlers({ seed: 'bench', maxTasks: rounds * 2 });
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const headers = { authorization: 'Bearer bench', 'content-type': 'application/json' };
  const body = JSON.stringify({ model: 'sora-2', prompt: 'A lighthouse in a storm', duration: 10 });
  mock.credits.set('bench', 1e9);
  const create: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    const created = await fetch('https://api.evolink.ai/v1/videos/generations', {
      method: 'POST',
      headers,
      body,
    });
    const { id } = (await created.json()) as { id: string };
    create.push(performance.now() - t);
    t = performance.now();
    await (await fetch(`https://api.evolink.ai/v1/tasks/${id}`, { headers })).json();
    read.push(performance.now() - t);
  }
  server.close();
  await mock.close();
  // The first fifth is warm-up (JIT, validator compilation).
  const summary = (xs: number[]) => {
    const sorted = xs.slice(Math.floor(xs.length / 5)).sort((a, b) => a - b);
    return `median ${percentile(sorted, 0.5).toFixed(3)} ms, p95 ${percentile(sorted, 0.95).toFixed(3)} ms`;
  };
  return { create: summary(create), read: summary(read) };
}

const withoutMsw = await bundleSize(['msw']);
const withMsw = await bundleSize([]);
console.log('Browser bundle of @videotask/testing/msw (esbuild, minified; gzip -9):');
console.log(
  `  loaded up front, msw excluded (a peer your app has): ${kb(withoutMsw.up.raw)} min, ${kb(withoutMsw.up.gz)} gzip`,
);
console.log(
  `  loaded up front, msw included:                      ${kb(withMsw.up.raw)} min, ${kb(withMsw.up.gz)} gzip`,
);
console.log(
  `  lazy chunk (faker; only if /__mock/seed is called):  ${kb(withoutMsw.lazy.raw)} min, ${kb(withoutMsw.lazy.gz)} gzip`,
);
const rounds = Number(process.env.ROUNDS ?? 2000);
const times = await timeThroughMsw(rounds);
console.log(`Through MSW (setupServer + global fetch, ${rounds} rounds, Node ${process.versions.node}):`);
console.log(`  create: ${times.create}`);
console.log(`  read:   ${times.read}`);
