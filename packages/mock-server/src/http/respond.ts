// Response helpers shared by the routes (every answer carries x-request-id), bearer tokens, bounded body reads.
import { DEFAULT_MESSAGES, ERROR_CODES, type ErrorCode, errorBody } from '../domain/errors.js';

/** Bodies over this many bytes answer 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface Responder {
  /** A JSON answer. */
  json(body: unknown, status?: number, headers?: Record<string, string>): Response;
  /** An error answer in the spec's envelope, with the code's status. */
  fail(code: ErrorCode, message?: string, param?: string, headers?: Record<string, string>): Response;
  /** Any other answer; `headers` must include the content type. */
  send(body: BodyInit | null, status: number, headers: Record<string, string>): Response;
}

/**
 * Builds Responses directly, with plain-object headers: the cheapest form for every runtime (the
 * Node adapter writes such headers without building a Headers object), and one request id each.
 * Hand-made, not hono/request-id: as a global middleware it cost the query route 73-87 µs of server
 * CPU per request instead of 64-66 (under the 70 % goal).
 */
export function createResponder(nextRequestId: () => string): Responder {
  const send = (body: BodyInit | null, status: number, headers: Record<string, string>): Response => {
    headers['x-request-id'] = nextRequestId();
    return new Response(body, { status, headers });
  };
  const json = (body: unknown, status = 200, headers?: Record<string, string>): Response => {
    const all: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': '' };
    if (headers) Object.assign(all, headers);
    return send(JSON.stringify(body), status, all);
  };
  return {
    send,
    json,
    fail(code, message, param, headers) {
      const text = message ?? DEFAULT_MESSAGES[code] ?? code.replace(/_/g, ' ');
      return json(errorBody(code, text, param), ERROR_CODES[code].status, headers);
    },
  };
}

/** The token of an `Authorization: Bearer <token>` header, or null when missing, empty or malformed. */
export function bearerToken(header: string | undefined): string | null {
  if (!header || header.length < 8) return null;
  if (header.charCodeAt(6) !== 32 || header.slice(0, 6).toLowerCase() !== 'bearer') return null;
  const token = header.slice(7).trim();
  if (!token || /\s/.test(token)) return null;
  return token;
}

/**
 * The request body as text, or null when it is over `limit` bytes. Hand-made, not hono/body-limit, on
 * the API: that reads `request.body` as a stream and skips the Node entry's one-read body (create fell
 * to 19-26 % of the ceiling, 222-282 µs of server CPU per create instead of 90).
 */
export async function readBodyLimited(request: Request, limit = MAX_BODY_BYTES): Promise<string | null> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) return null;
  if (declared !== null) return request.text();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
