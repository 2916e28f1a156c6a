// `pnpm bench`: the mock server's benchmark, the client's benchmark and the API-key check benchmark,
// one after the other (never at once: the project's machines have two cores), then ONE table.
// Each package's benchmark writes its figures with `--json <file>`; this script only reads them.
// Shorter runs: BENCH_ROUNDS / BENCH_DURATION / BENCH_CONNECTIONS (mock), CLIENT_BENCH_ROUNDS /
// CLIENT_BENCH_N (client), BENCH_COMPARE_ROUNDS / BENCH_COMPARE_N (key check).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'videotask-bench-'));
const files = {
  mock: join(dir, 'mock.json'),
  client: join(dir, 'client.json'),
  compare: join(dir, 'compare.json'),
};

function run(title: string, command: string, args: string[]): void {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status})`);
}

const clientArgs: string[] = [];
if (process.env.CLIENT_BENCH_ROUNDS) clientArgs.push('--rounds', process.env.CLIENT_BENCH_ROUNDS);
if (process.env.CLIENT_BENCH_N) clientArgs.push('--n', process.env.CLIENT_BENCH_N);

run('mock server: throughput and memory', 'pnpm', [
  '--filter',
  '@videotask/mock-server',
  'bench',
  '--json',
  files.mock,
]);
run('client: per-request cost', 'pnpm', [
  '--filter',
  '@videotask/client',
  'bench',
  ...clientArgs,
  '--json',
  files.client,
]);
run('mock server: API key check', process.execPath, [
  '--import',
  'tsx',
  'packages/mock-server/bench/secret-compare.ts',
  '--json',
  files.compare,
]);

interface MockRow {
  name: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  cpuMicros: number;
}
interface MockReport {
  rows: MockRow[];
  runs: Record<string, MockRow[]>;
  ratios: {
    create: number;
    query: number;
    redisCreate: number;
    redisQuery: number;
    clusterCreate?: number;
    clusterQuery?: number;
  };
  memory: { label: string; tasks: number; heapUsedMB: number; bytesPerTask: number }[];
  redisMemory: { label: string; tasks: number; usedMB: number; bytesPerTask: number }[];
  rounds: number;
  duration: number;
  connections: number;
}
interface ClientStats {
  mean: number;
  p50: number;
  p99: number;
  opsPerSec: number;
}
interface ClientReport {
  config: { rounds: number; perRound: number };
  variants: Record<string, ClientStats>;
}
interface CompareReport {
  keyLength: number;
  rows: { token: string; constantTimeNs: number; strictEqualsNs: number }[];
}

const read = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;
const mock = read<MockReport>(files.mock);
const client = read<ClientReport>(files.client);
const compare = read<CompareReport>(files.compare);

const n = (x: number, digits = 0) =>
  x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
const signed = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');

type Line = [area: string, benchmark: string, result: string, goal: string, status: string];
const lines: Line[] = [];

const ceiling = mock.rows[0] as MockRow;
/** A row's ratio and goal: memory-store rows against the ceiling, Redis-store rows against the memory store's. */
function goalOf(row: MockRow): { ratio: number; goal?: number; of: string } {
  const create = row.name.startsWith('create');
  const query = row.name.startsWith('query');
  if (row.name.endsWith('Redis Cluster store')) {
    const ratio = (create ? mock.ratios.clusterCreate : mock.ratios.clusterQuery) ?? Number.NaN;
    return { ratio, of: 'of the memory store' };
  }
  if (row.name.endsWith('Redis store')) {
    const ratio = create ? mock.ratios.redisCreate : mock.ratios.redisQuery;
    return { ratio, goal: 0.25, of: 'of the memory store' };
  }
  if (row === ceiling) return { ratio: 1, of: 'of ceiling' };
  if (create) return { ratio: mock.ratios.create, goal: 0.5, of: 'of ceiling' };
  if (query) return { ratio: mock.ratios.query, goal: 0.7, of: 'of ceiling' };
  return { ratio: row.reqPerSec / ceiling.reqPerSec, of: 'of ceiling' };
}
for (const row of mock.rows) {
  const { ratio, goal, of } = goalOf(row);
  lines.push([
    'mock server',
    row.name,
    `${n(row.reqPerSec)} req/s · p50 ${row.p50} ms · p99 ${row.p99} ms · ${row === ceiling ? '' : `${pct(ratio)} ${of} · `}${row.cpuMicros} µs CPU/req`,
    goal ? `≥ ${pct(goal)} ${of}` : '—',
    goal ? mark(ratio >= goal) : '',
  ]);
}
for (const m of mock.memory) {
  lines.push([
    'mock server',
    `heap of ${n(m.tasks)} tasks (${m.label})`,
    `${m.heapUsedMB.toFixed(1)} MB (${n(m.bytesPerTask)} B per task)`,
    '≤ 200 MB',
    mark(m.heapUsedMB <= 200),
  ]);
}
for (const m of mock.redisMemory) {
  lines.push([
    'mock server',
    `Redis memory of ${n(m.tasks)} tasks (${m.label})`,
    `${m.usedMB.toFixed(1)} MB (${n(m.bytesPerTask)} B per task, INFO used_memory)`,
    '—',
    '',
  ]);
}
const variants = Object.entries(client.variants);
for (const [name, s] of variants) {
  lines.push([
    'client',
    name,
    `${n(s.opsPerSec)} calls/s · mean ${s.mean.toFixed(1)} µs · p50 ${s.p50.toFixed(1)} µs · p99 ${s.p99.toFixed(1)} µs`,
    '—',
    '',
  ]);
}
const [clientName, plainName, controlName, rawName, abortName] = variants.map(([name]) => name) as [
  string,
  string,
  string,
  string,
  string,
];
const v = (name: string) => client.variants[name] as ClientStats;
const overPlain = v(clientName).mean / v(plainName).mean - 1;
const overRaw = v(clientName).mean / v(rawName).mean - 1;
const noise = v(controlName).mean / v(plainName).mean - 1;
const abortCost = v(abortName).mean / v(plainName).mean - 1;
lines.push([
  'client',
  'client over plain openapi-fetch (mean)',
  signed(overPlain),
  '≤ +10 %',
  mark(overPlain <= 0.1),
]);
lines.push(['client', 'client over raw fetch (mean)', signed(overRaw), '≤ +25 %', mark(overRaw <= 0.25)]);
lines.push([
  'client',
  'a per-call abort signal alone, over plain openapi-fetch (mean)',
  signed(abortCost),
  '—',
  '',
]);
lines.push(['client', 'noise: two identical openapi-fetch clients (A/A)', signed(noise), '—', '']);
// Tokens of about the key's length (a 1,000-character token costs more to encode: its own length, not the key's).
const wrong = compare.rows.filter((r) => r.token !== 'the key' && !r.token.startsWith('1,000'));
const spread =
  Math.max(...wrong.map((r) => r.constantTimeNs)) - Math.min(...wrong.map((r) => r.constantTimeNs));
for (const row of compare.rows) {
  lines.push([
    'mock server',
    `API key check: ${row.token}`,
    `${row.constantTimeNs.toFixed(1)} ns (=== ${row.strictEqualsNs.toFixed(1)} ns)`,
    '—',
    '',
  ]);
}
lines.push([
  'mock server',
  'API key check: spread between wrong tokens of about its length',
  `${spread.toFixed(1)} ns`,
  'no dependence on where a token differs',
  '',
]);

const header: Line = ['area', 'benchmark', 'result', 'goal', 'goal met?'];
const table = [header, ['---', '---', '---', '---', '---'] as Line, ...lines];
const markdown = table.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
console.log(
  `\n=== pnpm bench: all figures (Node ${process.version}; mock: ${mock.rounds} rounds × ${mock.duration} s, ${mock.connections} connections; client: ${client.config.rounds} × ${client.config.perRound} calls) ===\n`,
);
console.log(markdown);
mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(join(root, 'reports', 'bench.md'), `${markdown}\n`);
writeFileSync(join(root, 'reports', 'bench.json'), `${JSON.stringify({ mock, client, compare }, null, 2)}\n`);
console.log('\n(also in reports/bench.md and reports/bench.json)');
