// How long an API key check takes for tokens that are right, wrong at the first or the last character,
// a character short, or far too long — with the mock's constant-time matcher and, for contrast, `===`.
// A constant-time check takes the same time for every wrong token; `===` stops at the first difference.
//
//   node --import tsx bench/secret-compare.ts [--json <file>]
import { writeFileSync } from 'node:fs';
import { createSecretMatcher } from '../src/http/secure-compare.js';

const KEY = `sk-live-${'7f3c9e21a4b8d6f0'.repeat(3)}`; // 56 characters
const TOKENS: Record<string, string> = {
  'the key': KEY,
  'wrong first character': `X${KEY.slice(1)}`,
  'wrong last character': `${KEY.slice(0, -1)}X`,
  'one character short': KEY.slice(0, -1),
  '1,000 characters': 'k'.repeat(1000),
};
const ROUNDS = Number(process.env.BENCH_COMPARE_ROUNDS ?? 15);
const PER_ROUND = Number(process.env.BENCH_COMPARE_N ?? 200_000);

const matcher = createSecretMatcher([KEY]);
// Through an opaque array, so the engine cannot fold the comparison away.
const keys = [KEY];
const strictEquals = (token: string) => token === keys[0];

function nsPerCall(check: (token: string) => boolean, token: string): number {
  let hits = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) if (check(token)) hits++;
  const ns = Number(process.hrtime.bigint() - start) / PER_ROUND;
  if (hits !== 0 && hits !== PER_ROUND) throw new Error('unstable answer');
  return ns;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const rows: { token: string; constantTimeNs: number; strictEqualsNs: number }[] = [];
const samples = new Map<string, { ct: number[]; eq: number[] }>(
  Object.keys(TOKENS).map((t) => [t, { ct: [], eq: [] }]),
);
// Warm up, then interleave every token in every round (a busy spell hits them all alike).
for (const token of Object.values(TOKENS)) {
  nsPerCall(matcher, token);
  nsPerCall(strictEquals, token);
}
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, token] of Object.entries(TOKENS)) {
    samples.get(name)?.ct.push(nsPerCall(matcher, token));
    samples.get(name)?.eq.push(nsPerCall(strictEquals, token));
  }
}
for (const [name, { ct, eq }] of samples) {
  rows.push({ token: name, constantTimeNs: median(ct), strictEqualsNs: median(eq) });
}

console.log(
  `\nAPI key check, ns per call (median of ${ROUNDS} rounds × ${PER_ROUND.toLocaleString('en')}); key of ${KEY.length} characters\n`,
);
console.log('| token | constant-time matcher | === (for contrast) |');
console.log('|---|---:|---:|');
for (const row of rows)
  console.log(`| ${row.token} | ${row.constantTimeNs.toFixed(1)} | ${row.strictEqualsNs.toFixed(1)} |`);
const wrong = rows
  .filter((r) => r.token !== 'the key' && r.token !== '1,000 characters')
  .map((r) => r.constantTimeNs);
console.log(
  `\nSpread between wrong tokens of the key's length or near it: ${(Math.max(...wrong) - Math.min(...wrong)).toFixed(1)} ns`,
);

const jsonArg = process.argv.indexOf('--json');
if (jsonArg >= 0 && process.argv[jsonArg + 1]) {
  writeFileSync(
    process.argv[jsonArg + 1] as string,
    `${JSON.stringify({ keyLength: KEY.length, rounds: ROUNDS, perRound: PER_ROUND, node: process.version, rows }, null, 2)}\n`,
  );
}
