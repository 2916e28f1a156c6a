import { describe, expect, test } from 'vitest';
import { createRandom, type Random } from './random.js';
import {
  attemptTraceparent,
  childSpan,
  formatTraceparent,
  parseTraceparent,
  startTrace,
  traceparentFor,
} from './trace-context.js';

const VALID = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const FORMAT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

describe('parseTraceparent', () => {
  test('reads a version 00 header', () => {
    expect(parseTraceparent(VALID)).toEqual({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      parentId: '00f067aa0ba902b7',
      flags: '01',
    });
    expect(parseTraceparent(` ${VALID} `)?.flags).toBe('01');
  });

  test('a later version: the first four fields, extra fields allowed', () => {
    const later = '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-extra';
    expect(parseTraceparent(later)).toMatchObject({ parentId: '00f067aa0ba902b7', flags: '00' });
  });

  test.each([
    ['absent', undefined],
    ['empty', ''],
    ['version ff', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['version 00 with a fifth field', `${VALID}-extra`],
    ['an all-zero trace id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['an all-zero parent id', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'],
    ['uppercase hex', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01'],
    ['a short trace id', '00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01'],
    ['no flags', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7'],
    ['garbage', 'not a traceparent'],
    ['text before it', `x${VALID}`],
    ['text after its flags', `${VALID}x`],
  ])('%s: null (ignored)', (_what, header) => {
    expect(parseTraceparent(header)).toBeNull();
  });
});

describe('spans from the seeded random', () => {
  test('a started trace is valid, sampled, and repeats for a seed', () => {
    const a = startTrace(createRandom('s'));
    expect(formatTraceparent(a)).toMatch(FORMAT);
    expect(a.flags).toBe('01');
    expect(startTrace(createRandom('s'))).toEqual(a);
    expect(startTrace(createRandom('t'))).not.toEqual(a);
  });

  test('a child span keeps the trace id and flags, with a new span id each time', () => {
    const random = createRandom(1);
    const parent = parseTraceparent(VALID) as NonNullable<ReturnType<typeof parseTraceparent>>;
    const [one, two] = [childSpan(parent, random), childSpan(parent, random)];
    expect(one.traceId).toBe(parent.traceId);
    expect(two.flags).toBe('01');
    expect(new Set([parent.parentId, one.parentId, two.parentId]).size).toBe(3);
  });

  test('traceparentFor keeps a valid header (as version 00) and starts a trace otherwise', () => {
    expect(traceparentFor(VALID, createRandom(1))).toBe(VALID);
    const later = '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-x';
    expect(traceparentFor(later, createRandom(1))).toBe(
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00',
    );
    const started = traceparentFor('00-garbage', createRandom(1));
    expect(started).toMatch(FORMAT);
    expect(started).toBe(traceparentFor(null, createRandom(1)));
  });

  test('attemptTraceparent: a child of the task trace, or of a new trace for none', () => {
    const random = createRandom(2);
    const attempt = attemptTraceparent(VALID, random);
    expect(attempt).toMatch(FORMAT);
    expect(attempt.slice(3, 35)).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(attempt).not.toBe(VALID);
    expect(attemptTraceparent(null, random)).toMatch(FORMAT);
  });
});

describe('drawn ids', () => {
  /** A random whose seed32 answers `values` in turn (then 1). */
  const scripted = (values: number[]): Random => ({
    next: () => 0.5,
    int: () => 0,
    base36: (n) => 'a'.repeat(n),
    seed32: () => values.shift() ?? 1,
  });

  test('each 32-bit draw gives 8 digits, small ones zero-padded; zeros at the end are fine', () => {
    const trace = startTrace(scripted([0x10, 0xabcdef01, 0x2, 0x3, 0x12345670, 0]));
    expect(trace.traceId).toBe('00000010abcdef010000000200000003');
    expect(trace.parentId).toBe('1234567000000000');
  });

  test('an all-zero id is drawn again', () => {
    const trace = startTrace(scripted([0, 0, 0, 0, 5, 6, 7, 8, 0, 0, 9, 10]));
    expect(trace.traceId).toBe('00000005000000060000000700000008');
    expect(trace.parentId).toBe('000000090000000a');
  });
});
