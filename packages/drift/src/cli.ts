// The `videotask-drift` command: read HAR recordings, print the drift table, write --json/--markdown, exit 0/1/2.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type HarEntry, HarFormatError, readHarSource } from '@videotask/mock-server/har';
import { formatJson, formatMarkdown, formatTable } from './format.js';
import { driftReport } from './report.js';

export const USAGE = `Usage: videotask-drift <dir or .har>... [--json FILE] [--markdown FILE]

Checks every recorded answer and callback (HAR, e.g. from videotask-mock --record or
CONTRACT_RECORD) against the sora-2 video task API's OpenAPI spec and prints one table.

  --json FILE      also write the report as JSON
  --markdown FILE  also write the report as Markdown (e.g. for a CI job summary)
  --help           show this help

Exit status: 0 no breaking finding, 1 at least one breaking finding, 2 bad usage or unreadable input.`;

export interface DriftIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: DriftIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** `pnpm drift` runs at the repository's root; relative paths start where pnpm was run. */
function fromInvocationDir(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'string' }, markdown: { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  return { ...values, inputs: positionals };
}

/** Runs the command; resolves with the exit status. */
export async function main(argv: string[] = process.argv.slice(2), io: DriftIo = defaultIo): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    io.err(`videotask-drift: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  if (!args.inputs.length) {
    io.err(`videotask-drift: name a HAR file or a directory of them\n\n${USAGE}`);
    return 2;
  }
  const entries: HarEntry[] = [];
  const sources: string[] = [];
  try {
    for (const input of args.inputs) {
      const read = await readHarSource(fromInvocationDir(input));
      entries.push(...read.entries);
      sources.push(...read.files);
    }
  } catch (error) {
    if (!(error instanceof HarFormatError)) throw error;
    io.err(`videotask-drift: ${error.message}`);
    return 2;
  }
  const report = driftReport(entries, sources);
  io.out(formatTable(report));
  try {
    if (args.json) await writeFile(fromInvocationDir(args.json), formatJson(report));
    if (args.markdown) await writeFile(fromInvocationDir(args.markdown), formatMarkdown(report));
  } catch (error) {
    io.err(`videotask-drift: cannot write the report: ${(error as Error).message}`);
    return 2;
  }
  return report.breaking > 0 ? 1 : 0;
}
