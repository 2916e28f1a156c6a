// Reading a create request into the core's input: the Idempotency-Key and scenario headers, the body
// validated against the spec (defaults filled in), and the image-URL rule a schema cannot say.
import { modelEntry } from '@videotask/spec';
import type { ValidationIssue } from '@videotask/spec/validator';
import type { CreateBody } from '../domain/create-body.js';
import { parseScenario, SCENARIO_HEADER } from '../domain/scenarios.js';
import { checkImageUrl, requestValidators } from '../domain/validation.js';
import { ok, type Refusal, type Result, refuse } from './result.js';
import type { CreateInput } from './task-commands.js';

export interface CreateRequest {
  apiKey: string;
  /** The parsed JSON body, not yet validated; or why it could not be read (answered after the header checks). */
  body: unknown | Refusal;
  idempotencyKey?: string | null;
  /** The `x-mock-scenario` value (e.g. `success`, `fail:content_policy_violation`). */
  scenario?: string | null;
  /** The W3C `traceparent` header, if sent (kept with the task; an invalid one is ignored). */
  traceparent?: string | null;
}

/** JSON.stringify with object keys sorted: the fingerprint of a create body for Idempotency-Key. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Validates a create request; `allowLocal` widens callback_url to http:// (allowLocalCallbacks). */
export function parseCreate(request: CreateRequest, allowLocal: boolean): Result<CreateInput> {
  const validators = requestValidators();
  const idempotencyKey = request.idempotencyKey ?? null;
  const badKey = idempotencyKey === null ? null : validators.idempotencyKey(idempotencyKey);
  if (badKey) return refuse('invalid_request', badKey, 'Idempotency-Key');
  const scenario = request.scenario == null ? null : parseScenario(request.scenario);
  if (typeof scenario === 'string') return refuse('invalid_request', scenario, SCENARIO_HEADER);
  if (isRefusal(request.body)) return request.body;
  const validate = allowLocal ? validators.createBodyLocal : validators.createBody;
  if (!validate(request.body)) {
    // A failed validation always has an issue (the validator maps each of Ajv's errors to one).
    const { message, property } = validate.issues[0] as ValidationIssue;
    // Each model has its own limits: the message says whose rule it was (a known model's).
    const model = (request.body as { model?: unknown } | null)?.model;
    return refuse('invalid_request', modelEntry(model) ? `${model}: ${message}` : message, property);
  }
  const body = request.body as CreateBody;
  for (const [i, url] of ((body as { image_urls?: string[] }).image_urls ?? []).entries()) {
    const problem = checkImageUrl(url);
    if (problem) return refuse('invalid_request', `image_urls[${i}] ${problem}`, 'image_urls');
  }
  const fingerprint = idempotencyKey === null ? null : canonicalJson(body);
  const traceparent = request.traceparent ?? null;
  return ok({ apiKey: request.apiKey, body, scenario, idempotencyKey, fingerprint, traceparent });
}

function isRefusal(value: unknown): value is Refusal {
  // Only an object can have ok === false, so `in` never meets a primitive.
  return (value as Partial<Refusal> | null | undefined)?.ok === false && 'code' in (value as object);
}
