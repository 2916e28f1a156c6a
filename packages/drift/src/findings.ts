// What a drift report finds: the kinds of finding, their class, and how repeated findings are counted.

/** Breaking: a client written from the spec can fail on it. Additive: the API says more than the spec. */
export type FindingClass = 'breaking' | 'additive';

export const FINDING_KINDS = {
  'missing-field': { class: 'breaking', label: 'required field missing' },
  'wrong-type': { class: 'breaking', label: 'wrong type' },
  'unknown-enum-value': { class: 'breaking', label: 'enum value not in the spec' },
  'undocumented-status': { class: 'breaking', label: 'undocumented HTTP status' },
  'not-json': { class: 'breaking', label: 'body is not JSON' },
  'rule-broken': { class: 'breaking', label: 'schema rule broken' },
  'extra-field': { class: 'additive', label: 'extra field' },
  'extra-header': { class: 'additive', label: 'extra header' },
  'undocumented-operation': { class: 'additive', label: 'undocumented operation' },
} as const satisfies Record<string, { class: FindingClass; label: string }>;

export type FindingKind = keyof typeof FINDING_KINDS;

/** One thing seen, before counting. */
export interface Observation {
  kind: FindingKind;
  /** `getTaskDetail 200`, `taskFinished (callback)`, `GET /v1/tasks`. */
  operation: string;
  /** JSON pointer into the body (`/usage/credits_used`), `header: <name>`, or `` for the whole answer. */
  pointer: string;
  seen: string;
  /** What to add to (or change in) the spec. */
  suggestion: string;
}

export interface Finding extends Observation {
  class: FindingClass;
  label: string;
  /** How many times it was seen. */
  count: number;
  /** Up to three distinct values seen (`seen` is the first). */
  samples: string[];
}

const ORDER = Object.keys(FINDING_KINDS);

/** Counts repeated observations (same kind, operation and pointer): breaking first, then by count. */
export function countFindings(observations: Observation[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const o of observations) {
    const key = `${o.kind}\u0000${o.operation}\u0000${o.pointer}`;
    const hit = byKey.get(key);
    if (hit) {
      hit.count++;
      if (hit.samples.length < 3 && !hit.samples.includes(o.seen)) hit.samples.push(o.seen);
      continue;
    }
    const { class: findingClass, label } = FINDING_KINDS[o.kind];
    byKey.set(key, { ...o, class: findingClass, label, count: 1, samples: [o.seen] });
  }
  return [...byKey.values()].sort(
    (a, b) =>
      (a.class === b.class ? 0 : a.class === 'breaking' ? -1 : 1) ||
      ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) ||
      b.count - a.count ||
      a.operation.localeCompare(b.operation) ||
      a.pointer.localeCompare(b.pointer),
  );
}
