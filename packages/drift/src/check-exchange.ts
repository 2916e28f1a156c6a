// Checks one recorded exchange against the spec: the operation, its status, its headers and its JSON body.

import { apiPath, bodyBytes, type HarEntry, type HarHeader } from '@videotask/mock-server/har';
import type { OpenApiDocument } from '@videotask/spec';
import { deref, type SpecValidator } from '@videotask/spec/validator';
import { checkBody } from './check-body.js';
import type { Observation } from './findings.js';
import { type SchemaWalker, sample } from './schema.js';

/** Headers any HTTP server or client sends; not the API's own, so never reported as extra. */
const GENERIC_HEADERS = new Set([
  'accept',
  'accept-encoding',
  'accept-language',
  'accept-ranges',
  'access-control-allow-credentials',
  'access-control-allow-headers',
  'access-control-allow-methods',
  'access-control-allow-origin',
  'access-control-expose-headers',
  'access-control-max-age',
  'age',
  'allow',
  'alt-svc',
  'authorization',
  'cache-control',
  'connection',
  'content-encoding',
  'content-language',
  'content-length',
  'content-security-policy',
  'content-type',
  'cookie',
  'date',
  'etag',
  'expires',
  'host',
  'keep-alive',
  'last-modified',
  'location',
  'origin',
  'pragma',
  'referer',
  'referrer-policy',
  'server',
  'set-cookie',
  'strict-transport-security',
  'transfer-encoding',
  'user-agent',
  'vary',
  'via',
  'x-content-type-options',
  'x-frame-options',
  'x-xss-protection',
]);

/** Fetch metadata and client hints (`sec-fetch-mode`, `sec-ch-ua`) come from the HTTP client, not the API. */
const isGeneric = (name: string) => GENERIC_HEADERS.has(name) || name.startsWith('sec-');

export interface Operation {
  id: string;
  method: string;
  path: string;
  pattern: RegExp;
  responses: Record<string, unknown>;
}

/** Every operation of the spec as a method plus a path regex (`{task_id}` matches one segment). */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => typeof op === 'object' && op !== null && 'operationId' in op)
      .map(([method, op]) => ({
        id: (op as { operationId: string }).operationId,
        method: method.toUpperCase(),
        path,
        pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        responses: (op as { responses: Record<string, unknown> }).responses,
      })),
  );
}

/** The response object the spec gives for a status: exact, then a range (`4XX`), then `default`. */
export function responseFor(
  doc: OpenApiDocument,
  responses: Record<string, unknown>,
  status: number,
): { response: Record<string, unknown> | undefined; documented: boolean } {
  const key = [String(status), `${String(status)[0]}XX`].find((k) => k in responses);
  if (key) return { response: deref(doc, responses[key]), documented: true };
  return { response: responses.default ? deref(doc, responses.default) : undefined, documented: false };
}

function extraHeaders(
  headers: HarHeader[],
  documented: string[],
  operation: string,
  where: string,
): Observation[] {
  const known = new Set(documented.map((h) => h.toLowerCase()));
  return headers
    .filter((h) => !known.has(h.name.toLowerCase()) && !isGeneric(h.name.toLowerCase()))
    .map((h) => ({
      kind: 'extra-header' as const,
      operation,
      pointer: `header: ${h.name.toLowerCase()}`,
      seen: sample(h.value),
      suggestion: `add \`${h.name.toLowerCase()}\` to the headers of ${where}`,
    }));
}

export interface ExchangeContext {
  doc: OpenApiDocument;
  validator: SpecValidator;
  walker: SchemaWalker;
  operations: Operation[];
}

function jsonBody(
  text: string,
  contentType: string,
): { ok: true; value: unknown } | { ok: false; seen: string } {
  try {
    if (!/\bjson\b/i.test(contentType) && contentType !== '') throw new Error('not JSON');
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, seen: `${contentType || '(no content-type)'} ${sample(text, 30)}` };
  }
}

function notJson(operation: string, seen: string, suggestion: string): Observation {
  return { kind: 'not-json', operation, pointer: '', seen, suggestion };
}

/** Findings for one answer of the API. */
export function checkAnswer(
  ctx: ExchangeContext,
  entry: HarEntry,
): { operation?: Operation; observations: Observation[] } {
  const method = entry.request.method.toUpperCase();
  const path = apiPath(entry.request.url);
  const status = entry.response.status;
  const operation = ctx.operations.find((o) => o.method === method && o.pattern.test(path));
  if (!operation) {
    const name = `${method} ${path}`;
    return {
      observations: [
        {
          kind: 'undocumented-operation',
          operation: name,
          pointer: '',
          seen: String(status),
          suggestion: `add ${name} to the spec's paths`,
        },
      ],
    };
  }
  const label = `${operation.id} ${status}`;
  const observations: Observation[] = [];
  const { response, documented } = responseFor(ctx.doc, operation.responses, status);
  if (!documented) {
    observations.push({
      kind: 'undocumented-status',
      operation: label,
      pointer: '',
      seen: String(status),
      suggestion: `add a "${status}" response to ${operation.id} (${operation.method} ${operation.path})`,
    });
  }
  const documentedHeaders = Object.keys((response?.headers as Record<string, unknown> | undefined) ?? {});
  observations.push(
    ...extraHeaders(
      entry.response.headers,
      documentedHeaders,
      label,
      `${operation.id} ${documented ? status : 'default'}`,
    ),
  );
  const schema = (response?.content as Record<string, { schema?: unknown }> | undefined)?.['application/json']
    ?.schema;
  if (!schema) return { operation, observations };
  const text = new TextDecoder().decode(bodyBytes(entry.response.content));
  const body = jsonBody(text, entry.response.content.mimeType ?? '');
  if (!body.ok) {
    const promise = `${operation.id} promises application/json for ${documented ? status : 'this status'}`;
    observations.push(
      notJson(label, body.seen, `${promise}: document the other content type, or report it to the vendor`),
    );
    return { operation, observations };
  }
  observations.push(...checkBody({ ...ctx, operation: label, schema, body: body.value }));
  return { operation, observations };
}

/** Findings for one callback the recorder received (its body and headers against the spec's webhook). */
export function checkCallback(ctx: ExchangeContext, entry: HarEntry, webhook: string): Observation[] {
  const label = `${webhook} (callback)`;
  const item = deref<{ post?: { parameters?: unknown[] } }>(ctx.doc, ctx.doc.webhooks?.[webhook]);
  const documented = (item.post?.parameters ?? [])
    .map((p) => deref<{ name?: string; in?: string }>(ctx.doc, p))
    .filter((p) => p.in === 'header' && p.name)
    .map((p) => p.name as string);
  const observations = extraHeaders(entry.request.headers, documented, label, `the ${webhook} webhook`);
  const text = new TextDecoder().decode(bodyBytes(entry.request.postData));
  const body = jsonBody(text, entry.request.postData?.mimeType ?? '');
  if (!body.ok) {
    observations.push(notJson(label, body.seen, 'callbacks are documented as JSON: report it to the vendor'));
    return observations;
  }
  const schema = ctx.validator.webhookBody(webhook).schema;
  observations.push(...checkBody({ ...ctx, operation: label, schema, body: body.value }));
  return observations;
}
