// What the spec documents that a recording never showed: operations, statuses, error codes, task failure codes.
import type { OpenApiDocument } from '@videotask/spec';
import { deref } from '@videotask/spec/validator';
import type { Operation } from './check-exchange.js';

export interface NeverSeen {
  operations: string[];
  /** Per operation that was seen, its documented statuses that were not. */
  statuses: { operation: string; statuses: string[] }[];
  /** `error.code` values the spec's error examples document. */
  errorCodes: string[];
  /** Values of the task failure code enum (a failed task's `error.code`). */
  failureCodes: string[];
}

export interface Seen {
  operations: Set<string>;
  statuses: Map<string, Set<number>>;
  errorCodes: Set<string>;
  failureCodes: Set<string>;
}

export function emptySeen(): Seen {
  return { operations: new Set(), statuses: new Map(), errorCodes: new Set(), failureCodes: new Set() };
}

/** Notes what an answer or callback body shows: its error code, or a failed task's failure code. */
export function noteBody(seen: Seen, body: unknown, isTask: boolean): void {
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  if (typeof code !== 'string') return;
  (isTask ? seen.failureCodes : seen.errorCodes).add(code);
}

/** Error codes named in the examples of an operation's error responses. */
function documentedErrorCodes(doc: OpenApiDocument, operations: Operation[]): Set<string> {
  const codes = new Set<string>();
  for (const op of operations) {
    for (const [status, ref] of Object.entries(op.responses)) {
      if (status.startsWith('2')) continue;
      const response = deref<{ content?: Record<string, { examples?: Record<string, unknown> }> }>(doc, ref);
      for (const example of Object.values(response.content?.['application/json']?.examples ?? {})) {
        const code = deref<{ value?: { error?: { code?: unknown } } }>(doc, example).value?.error?.code;
        if (typeof code === 'string') codes.add(code);
      }
    }
  }
  return codes;
}

/** The failure code enum: the `code` of the `error` a failed task carries (TaskError in the spec). */
function documentedFailureCodes(doc: OpenApiDocument): string[] {
  const taskError = doc.components.schemas.TaskError as { properties?: { code?: unknown } } | undefined;
  const code = deref<{ enum?: unknown[] }>(doc, taskError?.properties?.code);
  return (code?.enum ?? []).filter((v): v is string => typeof v === 'string');
}

export function neverSeen(
  doc: OpenApiDocument,
  operations: Operation[],
  webhooks: string[],
  seen: Seen,
): NeverSeen {
  const names = [...operations.map((o) => o.id), ...webhooks.map((w) => `${w} (callback)`)];
  return {
    operations: names.filter((n) => !seen.operations.has(n)),
    statuses: operations
      .filter((o) => seen.operations.has(o.id))
      .map((o) => ({
        operation: o.id,
        statuses: Object.keys(o.responses).filter(
          (s) => /^\d{3}$/.test(s) && !seen.statuses.get(o.id)?.has(Number(s)),
        ),
      }))
      .filter((s) => s.statuses.length > 0),
    errorCodes: [...documentedErrorCodes(doc, operations)].filter((c) => !seen.errorCodes.has(c)),
    failureCodes: documentedFailureCodes(doc).filter((c) => !seen.failureCodes.has(c)),
  };
}
