// No function in the repo's TypeScript source is longer than 60 lines, first line to last (`pnpm lint`).
// Written on the TypeScript compiler's AST because Biome's noExcessiveLinesPerFunction counts only part
// of a body (it scored an 80-line factory as 63 and missed three of six long functions).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const MAX_LINES = 60;
// Test files are lists of tests inside describe() callbacks, and generated files are not written by hand.
const EXEMPT = [/\.test\.ts$/, /-suite\.ts$/, /\.generated\.ts$/, /\.d\.ts$/];

/** Every function-like node longer than the limit in one file, as `file:line name (N lines)`. */
function longFunctions(file: string, text: string, max = MAX_LINES): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > max) found.push(`${file}:${first + 1} ${functionName(node)} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function functionName(node: ts.SignatureDeclaration): string {
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText();
  return '(anonymous)';
}

function main(): void {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file && !EXEMPT.some((pattern) => pattern.test(file)));
  const long = files.flatMap((file) => longFunctions(file, readFileSync(file, 'utf8')));
  if (long.length === 0) return;
  console.error(`Functions over ${MAX_LINES} lines (split them into named steps):\n${long.join('\n')}`);
  process.exitCode = 1;
}

main();
