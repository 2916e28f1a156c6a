// What the command core answers: a value, or a refusal with an error code the HTTP adapters map to the envelope.
import type { ChaosProfile } from '../domain/chaos.js';
import type { ErrorCode } from '../domain/errors.js';

/** A refusal: the code names the HTTP status and error type (see domain/errors.ts). */
export interface Refusal {
  ok: false;
  code: ErrorCode;
  message: string;
  /** The request field, header or parameter at fault. */
  param?: string;
  /** Seconds a client should wait before trying again (429, 502, 503). */
  retryAfter?: number;
  /** The refusal is a fault injected through the admin API or the controller, not the mock's own answer. */
  injected?: boolean;
  /** The refusal is the gateway fault of this chaos profile. */
  chaos?: ChaosProfile;
}

export type Result<T> = { ok: true; value: T } | Refusal;

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export function refuse(code: ErrorCode, message: string, param?: string): Refusal {
  return param === undefined ? { ok: false, code, message } : { ok: false, code, message, param };
}
