// A fetch that checks every answer of a spec'd operation against the spec: status, content type, body.
import { spec } from '@videotask/spec';
import { createSpecValidator } from '@videotask/spec/validator';

const validator = createSpecValidator({ allErrors: true });

interface Route {
  method: string;
  pattern: RegExp;
  operationId: string;
}

/** Every operation of the spec as a method plus a path regex (`{task_id}` matches one segment). */
const routes: Route[] = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([, op]) => typeof op === 'object' && op !== null && 'operationId' in op)
    .map(([method, op]) => ({
      method: method.toUpperCase(),
      pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      operationId: (op as { operationId: string }).operationId,
    })),
);

export function operationFor(method: string, pathname: string): string | undefined {
  return routes.find((r) => r.method === method && r.pattern.test(pathname))?.operationId;
}

export interface Exchange {
  operationId: string | undefined;
  method: string;
  path: string;
  status: number;
  contentType: string;
  body: unknown;
  /** Where the answer breaks the spec (empty when it keeps it). */
  problems: string[];
}

/** Checks one answer of an operation against the spec. */
export function checkAgainstSpec(
  operationId: string,
  status: number,
  contentType: string,
  body: unknown,
): string[] {
  // A 304 has no body (RFC 9110 §15.4.5); the spec documents it without content.
  if (status === 304) {
    const documented = validator.operation(operationId).operation.responses as Record<string, unknown>;
    if (!('304' in documented)) return [`${operationId} does not document status 304`];
    return body === undefined || body === '' || body === null ? [] : ['304 carries a body'];
  }
  const validate = validator.response(operationId, status);
  if (!validate) return [`${operationId} does not document status ${status}`];
  const problems: string[] = [];
  if (!/^application\/json\b/.test(contentType))
    problems.push(`content-type is "${contentType}", not application/json`);
  if (!validate(body))
    problems.push(...validate.issues.map((i) => `${status} body: ${i.message} (at ${i.path || '/'})`));
  return problems;
}

export class ContractRecorder {
  readonly exchanges: Exchange[] = [];
  readonly #baseFetch: typeof fetch;

  constructor(baseFetch: typeof fetch = globalThis.fetch) {
    this.#baseFetch = baseFetch;
  }

  /** fetch-compatible: hand it to the client. */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const response = await this.#baseFetch(request);
    const url = new URL(request.url);
    const operationId = operationFor(request.method, url.pathname);
    if (operationId) {
      const contentType = response.headers.get('content-type') ?? '';
      const text = await response.clone().text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Kept as text: the check below reports it.
      }
      this.exchanges.push({
        operationId,
        method: request.method,
        path: url.pathname,
        status: response.status,
        contentType,
        body,
        problems: checkAgainstSpec(operationId, response.status, contentType, body),
      });
    }
    return response;
  };

  /** Answers that broke the spec, one line each; clears the record. */
  takeProblems(): string[] {
    const lines = this.exchanges.flatMap((e) => e.problems.map((p) => `${e.method} ${e.path} → ${p}`));
    this.exchanges.length = 0;
    return lines;
  }
}
