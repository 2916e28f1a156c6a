// Hono helpers shared by the routes: error answers in the envelope, bearer tokens, bounded body reads.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DEFAULT_MESSAGES, ERROR_CODES, type ErrorCode, errorBody } from './errors.js';

/** Bodies over this many bytes answer 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

export function fail(
  c: Context,
  code: ErrorCode,
  message?: string,
  param?: string,
  headers?: Record<string, string>,
): Response {
  const text = message ?? DEFAULT_MESSAGES[code] ?? code.replace(/_/g, ' ');
  return c.json(errorBody(code, text, param), ERROR_CODES[code].status as ContentfulStatusCode, headers);
}

/** The token of an `Authorization: Bearer <token>` header, or null when missing, empty or malformed. */
export function bearerToken(header: string | undefined): string | null {
  if (!header || header.length < 8) return null;
  if (header.charCodeAt(6) !== 32 || header.slice(0, 6).toLowerCase() !== 'bearer') return null;
  const token = header.slice(7).trim();
  if (!token || /\s/.test(token)) return null;
  return token;
}

/** The request body as text, or null when it is over `limit` bytes. */
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
