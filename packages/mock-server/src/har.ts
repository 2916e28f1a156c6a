// @videotask/mock-server/har (Node): HAR recordings on disk — a file sink for the recorder and a reader for replay and drift.

import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type HarEntry, HarFormatError, harLog, parseHar } from './proxy/index.js';

export * from './proxy/index.js';

export interface HarFileSink {
  /** The HAR file being written. */
  readonly file: string;
  add(entry: HarEntry): void;
  /** Resolves once every entry added so far is on disk. */
  flush(): Promise<void>;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Writes entries to `<dir>/<prefix>-<time>.har`. The file is complete after each write (the whole
 * log is rewritten to a temporary file and renamed over it), so a killed process leaves valid HAR.
 */
export async function createHarFileSink(
  dir: string,
  options: { prefix?: string; creator?: { name: string; version: string } } = {},
): Promise<HarFileSink> {
  await mkdir(dir, { recursive: true });
  // The random part keeps two sinks started in the same millisecond (test files, processes) apart.
  const file = join(
    dir,
    `${options.prefix ?? 'videotask'}-${stamp(new Date())}-${randomUUID().slice(0, 8)}.har`,
  );
  const creator = options.creator ?? { name: '@videotask/mock-server', version: '0' };
  const entries: HarEntry[] = [];
  let written = Promise.resolve();
  // At most one write waits at a time and takes every entry added before it starts, so a burst of
  // requests costs a few rewrites, not one per request.
  let queued = false;
  const write = async () => {
    queued = false;
    const temporary = `${file}.tmp`;
    await writeFile(temporary, `${JSON.stringify(harLog(entries, creator), null, 2)}\n`);
    await rename(temporary, file);
  };
  const flushAfter = () => {
    if (!queued) {
      queued = true;
      written = written.then(write, write);
    }
    return written;
  };
  await flushAfter();
  return {
    file,
    add(entry) {
      entries.push(entry);
      void flushAfter().catch(() => {}); // flush() reports a failed write
    },
    flush: () => written,
  };
}

/** Every entry of a HAR file, or of every `.har` file in a directory (by name), in recorded order. */
export async function readHarSource(path: string): Promise<{ entries: HarEntry[]; files: string[] }> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new HarFormatError(`${path}: no such file or directory`);
  }
  const files = info.isDirectory()
    ? (await readdir(path))
        .filter((name) => name.endsWith('.har'))
        .sort()
        .map((name) => join(path, name))
    : [path];
  if (!files.length) throw new HarFormatError(`${path} holds no .har file`);
  const entries: HarEntry[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new HarFormatError(`${file} cannot be read: ${(error as Error).message}`);
    }
    entries.push(...parseHar(text, file));
  }
  const time = (e: HarEntry) => Date.parse(e.startedDateTime) || 0;
  entries.sort((a, b) => time(a) - time(b));
  return { entries, files };
}
