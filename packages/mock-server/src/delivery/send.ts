// Sending one attempt: the host checked again on what it resolves to, one POST that never follows a
// redirect, and what came of it as an outcome.
import type { AttemptOutcome } from '../domain/delivery-attempt.js';
import { classifyHost, isForbiddenAddress } from './callback-url.js';
import type { DeliveryRequest } from './compose.js';

export interface SendOptions {
  fetch: typeof fetch;
  allowLocal: boolean;
  resolveHost?: (hostname: string) => Promise<string[]>;
}

export interface SendResult {
  outcome: AttemptOutcome;
  status: number | null;
  error: string | null;
}

/** Why this URL must not be called now (DNS rebinding: checked at delivery time too), or null. */
export async function refusal(raw: string, options: SendOptions): Promise<string | null> {
  if (options.allowLocal) return null;
  const url = new URL(raw);
  const host = classifyHost(url.hostname);
  if (host.forbidden) return `refused: ${url.hostname} is a loopback, private or link-local address`;
  if (host.kind === 'ip' || !options.resolveHost) return null;
  let addresses: string[];
  try {
    addresses = await options.resolveHost(url.hostname);
  } catch (error) {
    return `refused: ${url.hostname} did not resolve (${describeError(error)})`;
  }
  if (!addresses.length) return `refused: ${url.hostname} did not resolve`;
  const bad = addresses.find(isForbiddenAddress);
  return bad
    ? `refused: ${url.hostname} resolves to ${bad}, a loopback, private or link-local address`
    : null;
}

/** POSTs the request; `sent` is called once it is on its way. Throws what fetch throws. */
export async function post(
  url: string,
  request: DeliveryRequest,
  options: SendOptions,
  signal: AbortSignal,
  sent: () => void,
): Promise<SendResult> {
  const pending = options.fetch(url, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
    redirect: 'manual',
    signal,
  });
  sent();
  const response = await pending;
  // The answer's body is not needed; release the connection.
  await response.body?.cancel().catch(() => {});
  const status = response.status;
  if (status >= 200 && status < 300) return { outcome: 'delivered', status, error: null };
  if (status === 0 || (status >= 300 && status < 400))
    return { outcome: 'failed', status, error: `redirect (${status}) not followed` };
  return { outcome: 'failed', status, error: `answered ${status}` };
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    return `${error.message}${detail}`;
  }
  return String(error);
}
