// Keeps secrets out of recordings: credentials in headers, query and bodies, and any echo of them elsewhere.
import type { HarEntry, HarHeader } from './har.js';

export const REDACTED = '[redacted]';

/** Header and field names that carry credentials (Authorization, API keys, tokens, webhook secrets, cookies). */
const SECRET_NAME =
  /(^|[-_])(authorization|auth|api[-_]?key|apikey|access[-_]?key|secret[-_]?key|token|secret|password|cookie)$/i;
/** Secret shapes wherever they appear: a webhook secret, a bearer credential, an `sk-` API key. */
const SECRET_SHAPES: [RegExp, string][] = [
  [/whsec_[A-Za-z0-9+/=_-]+/g, `whsec_${REDACTED}`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/\bsk-[A-Za-z0-9_-]{6,}/g, REDACTED],
];

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces each known secret value and each secret shape in a text. */
function scrub(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
  for (const [shape, replacement] of SECRET_SHAPES) out = out.replace(shape, replacement);
  return out;
}

/** The credential values a request carries, longest first (so a token inside a header value goes whole). */
function secretsOf(headers: HarHeader[], query: HarHeader[]): string[] {
  const values = new Set<string>();
  for (const { name, value } of [...headers, ...query]) {
    if (!isSecretName(name) || !value) continue;
    values.add(value);
    const credential = /^\s*\S+\s+(\S+)\s*$/.exec(value)?.[1]; // the token of `Bearer <token>`
    if (credential && credential.length >= 4) values.add(credential);
  }
  return [...values].filter((v) => v.length >= 4).sort((a, b) => b.length - a.length);
}

function redactHeaders(headers: HarHeader[], secrets: string[]): HarHeader[] {
  return headers.map(({ name, value }) => {
    if (!isSecretName(name)) return { name, value: scrub(value, secrets) };
    const scheme = /^\s*(Bearer|Basic)\s/i.exec(value)?.[1];
    return { name, value: scheme ? `${scheme} ${REDACTED}` : REDACTED };
  });
}

/** JSON fields named like credentials lose their string value; other text is scrubbed. */
function redactJson(value: unknown, secrets: string[]): unknown {
  if (typeof value === 'string') return scrub(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactJson(v, secrets));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = isSecretName(key) && typeof child === 'string' ? REDACTED : redactJson(child, secrets);
  }
  return out;
}

function redactBody<T extends { text?: string; encoding?: string }>(body: T, secrets: string[]): T {
  if (body.text === undefined || body.encoding === 'base64') return body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text);
  } catch {
    return { ...body, text: scrub(body.text, secrets) };
  }
  const redacted = JSON.stringify(redactJson(parsed, secrets));
  // Untouched bodies keep their bytes (spacing included); only a body that held a secret is rewritten.
  return redacted === JSON.stringify(parsed) ? body : { ...body, text: redacted };
}

function redactUrl(url: string, secrets: string[]): string {
  const parsed = new URL(url);
  for (const name of [...parsed.searchParams.keys()]) {
    if (isSecretName(name)) parsed.searchParams.set(name, REDACTED);
  }
  return scrub(parsed.href, secrets);
}

/**
 * A copy of the entry with no secret in it: credential headers keep only their scheme, credential
 * query parameters and JSON fields read `[redacted]`, and every echo of a credential the request
 * carried (in a message, a URL, a header) is replaced too. Result video URLs stay as they are.
 */
export function redactEntry(entry: HarEntry): HarEntry {
  const secrets = secretsOf(entry.request.headers, entry.request.queryString);
  const request = entry.request;
  const queryString = request.queryString.map(({ name, value }) => ({
    name,
    value: isSecretName(name) ? REDACTED : scrub(value, secrets),
  }));
  return {
    ...entry,
    request: {
      ...request,
      url: redactUrl(request.url, secrets),
      headers: redactHeaders(request.headers, secrets),
      queryString,
      ...(request.postData ? { postData: redactBody(request.postData, secrets) } : {}),
    },
    response: {
      ...entry.response,
      headers: redactHeaders(entry.response.headers, secrets),
      content: redactBody(entry.response.content, secrets),
    },
    ...(entry._videotask?.error
      ? { _videotask: { ...entry._videotask, error: scrub(entry._videotask.error, secrets) } }
      : {}),
  };
}
