// A base image made from this machine's Node, for hosts where no registry can be reached: FROM scratch
// with the Node binary, the shared libraries `ldd` lists for it, /etc/passwd and /etc/group (the
// official image's `node` user, 1000) and a /tmp. Tagged by what went in, so it is made once per Node.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { podman } from './podman.js';

export const BASE_REPOSITORY = 'localhost/videotask-node-base';

/** The absolute paths of the shared libraries (and loader) an ELF binary needs, from `ldd`. */
export function lddPaths(output: string): string[] {
  const paths = new Set<string>();
  for (const line of output.split('\n')) {
    // `libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)` or `/lib64/ld-linux-x86-64.so.2 (0x…)`
    const match = /(?:=>\s+)?(\/\S+)\s+\(0x/.exec(line);
    if (match?.[1]) paths.add(match[1]);
  }
  return [...paths];
}

/** The files that go in: Node at /usr/local/bin/node (as in the official image) and its libraries. */
function baseFiles(): { node: string; libraries: string[] } {
  const node = realpathSync(process.execPath);
  const libraries = lddPaths(execFileSync('ldd', [node], { encoding: 'utf8' }));
  if (!libraries.length)
    throw new Error(`ldd lists no libraries for ${node}: is it a static or non-ELF build?`);
  return { node, libraries };
}

/** A tag that changes when Node or a library changes (by path, size and time; hashing 100 MB is slower). */
function baseTag(files: { node: string; libraries: string[] }): string {
  const hash = createHash('sha256');
  for (const path of [files.node, ...files.libraries]) {
    const stat = statSync(path);
    hash.update(`${path} ${stat.size} ${stat.mtimeMs}\n`);
  }
  return `${BASE_REPOSITORY}:${process.versions.node}-${hash.digest('hex').slice(0, 12)}`;
}

function writeRoot(root: string, files: { node: string; libraries: string[] }): void {
  mkdirSync(join(root, 'usr/local/bin'), { recursive: true });
  copyFileSync(files.node, join(root, 'usr/local/bin/node'));
  chmodSync(join(root, 'usr/local/bin/node'), 0o755);
  // Each library at the path the loader looks for (ldd's path), copied through symlinks.
  for (const library of files.libraries) {
    mkdirSync(join(root, dirname(library)), { recursive: true });
    copyFileSync(realpathSync(library), join(root, library));
  }
  mkdirSync(join(root, 'etc'));
  writeFileSync(
    join(root, 'etc/passwd'),
    'root:x:0:0:root:/root:/sbin/nologin\nnode:x:1000:1000:node:/home/node:/sbin/nologin\n',
  );
  writeFileSync(join(root, 'etc/group'), 'root:x:0:\nnode:x:1000:\n');
  mkdirSync(join(root, 'tmp'));
  chmodSync(join(root, 'tmp'), 0o1777);
}

/** The local base's tag, made now unless an image of that tag exists already. */
export function localBase(env: NodeJS.ProcessEnv): { tag: string; made: boolean } {
  const files = baseFiles();
  const tag = baseTag(files);
  const exists = podman(env, ['image', 'ls', '--quiet', '--filter', `reference=${tag}`]) !== '';
  if (exists) return { tag, made: false };
  const dir = mkdtempSync(join(tmpdir(), 'videotask-base-'));
  try {
    writeRoot(join(dir, 'root'), files);
    writeFileSync(
      join(dir, 'Containerfile'),
      'FROM scratch\nCOPY root/ /\nENV PATH=/usr/local/bin:/usr/bin:/bin\n',
    );
    podman(env, ['build', '--pull=never', '--quiet', '--tag', tag, dir]);
    return { tag, made: true };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
