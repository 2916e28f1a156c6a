// The drift report: every recorded answer and callback checked against the spec, findings counted, coverage listed.

import { bodyBytes, entryKind, type HarEntry } from '@videotask/mock-server/har';
import { spec as defaultSpec, type OpenApiDocument } from '@videotask/spec';
import { createSpecValidator } from '@videotask/spec/validator';
import { checkAnswer, checkCallback, type ExchangeContext, operationsOf } from './check-exchange.js';
import { emptySeen, type NeverSeen, neverSeen, noteBody } from './coverage.js';
import { countFindings, type Finding } from './findings.js';
import { SchemaWalker } from './schema.js';

export interface DriftReport {
  /** The files read. */
  sources: string[];
  exchanges: {
    answers: number;
    callbacks: number;
    /** Answers the recording proxy made itself because the upstream failed (not checked). */
    proxyFailures: number;
  };
  breaking: number;
  additive: number;
  findings: Finding[];
  neverSeen: NeverSeen;
}

function parsedBody(entry: HarEntry, callback: boolean): unknown {
  const content = callback ? entry.request.postData : entry.response.content;
  try {
    return JSON.parse(new TextDecoder().decode(bodyBytes(content)));
  } catch {
    return undefined;
  }
}

/** Checks every entry; answers the proxy made itself (upstream down) are counted, not checked. */
export function driftReport(
  entries: HarEntry[],
  sources: string[] = [],
  doc: OpenApiDocument = defaultSpec,
): DriftReport {
  const validator = createSpecValidator({ allErrors: true }, doc);
  const operations = operationsOf(doc);
  const ctx: ExchangeContext = { doc, validator, walker: new SchemaWalker(doc, validator), operations };
  const webhooks = Object.keys(doc.webhooks ?? {});
  const seen = emptySeen();
  const observations = [];
  const exchanges = { answers: 0, callbacks: 0, proxyFailures: 0 };
  for (const entry of entries) {
    if (entryKind(entry) === 'callback') {
      exchanges.callbacks++;
      const webhook = webhooks[0];
      if (!webhook) continue;
      seen.operations.add(`${webhook} (callback)`);
      observations.push(...checkCallback(ctx, entry, webhook));
      noteBody(seen, parsedBody(entry, true), true);
      continue;
    }
    if (entry._videotask?.source === 'proxy') {
      exchanges.proxyFailures++;
      continue;
    }
    exchanges.answers++;
    const { operation, observations: found } = checkAnswer(ctx, entry);
    observations.push(...found);
    if (!operation) continue;
    seen.operations.add(operation.id);
    const statuses = seen.statuses.get(operation.id) ?? new Set<number>();
    seen.statuses.set(operation.id, statuses.add(entry.response.status));
    noteBody(seen, parsedBody(entry, false), entry.response.status < 300);
  }
  const findings = countFindings(observations);
  return {
    sources,
    exchanges,
    breaking: findings.filter((f) => f.class === 'breaking').length,
    additive: findings.filter((f) => f.class === 'additive').length,
    findings,
    neverSeen: neverSeen(doc, operations, webhooks, seen),
  };
}
