// W3C Trace Context: reading a create's `traceparent`, starting a trace when there is none, and a child
// span per callback attempt. Ids come from a seeded random, so they repeat for a seed like the others.
import type { Random } from './random.js';

/** The header, lowercase (W3C Trace Context, level 1). */
export const TRACEPARENT_HEADER = 'traceparent';

export interface TraceContext {
  /** 32 lowercase hex digits, not all zero. */
  traceId: string;
  /** 16 lowercase hex digits, not all zero: the span of whoever sent it. */
  parentId: string;
  /** 2 hex digits (`01`: sampled). */
  flags: string;
}

// version-traceid-parentid-flags; a later version may add fields after a dash (W3C: parse the first four).
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ZEROS = /^0+$/;

/** The header's trace context, or null when it is absent or invalid (W3C: ignore it, start a new trace). */
export function parseTraceparent(header: string | null | undefined): TraceContext | null {
  const match = header ? TRACEPARENT.exec(header.trim()) : null;
  if (!match) return null;
  const [, version, traceId, parentId, flags, rest] = match as unknown as string[];
  // ff is forbidden; version 00 has exactly four fields.
  if (version === 'ff' || (version === '00' && rest !== undefined)) return null;
  if (ZEROS.test(traceId as string) || ZEROS.test(parentId as string)) return null;
  return { traceId: traceId as string, parentId: parentId as string, flags: flags as string };
}

/** The header for a context, in version 00 (the one this mock speaks). */
export function formatTraceparent({ traceId, parentId, flags }: TraceContext): string {
  return `00-${traceId}-${parentId}-${flags}`;
}

/** `digits` (a multiple of 8) hex digits from the random, never all zero (an all-zero id is invalid). */
function hexId(random: Random, digits: number): string {
  for (;;) {
    const id = Array.from({ length: digits / 8 }, () => random.seed32().toString(16).padStart(8, '0')).join(
      '',
    );
    if (!ZEROS.test(id)) return id;
  }
}

/** A new trace, sampled (the mock records every attempt it sends). */
export function startTrace(random: Random): TraceContext {
  return { traceId: hexId(random, 32), parentId: hexId(random, 16), flags: '01' };
}

/** The context of a request sent in `parent`'s trace: the same trace id and flags, a new span id. */
export function childSpan(parent: TraceContext, random: Random): TraceContext {
  return { ...parent, parentId: hexId(random, 16) };
}

/** The header to keep for a create: the caller's (normalised to version 00) or a trace the mock starts. */
export function traceparentFor(header: string | null | undefined, random: Random): string {
  return formatTraceparent(parseTraceparent(header) ?? startTrace(random));
}

/** The header of an attempt in the trace `traceparent` names (a new trace when it names none). */
export function attemptTraceparent(traceparent: string | null | undefined, random: Random): string {
  const parent = parseTraceparent(traceparent) ?? startTrace(random);
  return formatTraceparent(childSpan(parent, random));
}
