// fetch with JSON in and out, for the admin API and the public API; a refusal throws with its message.
import { TOKEN } from './page.js';

/** An answer that is not 2xx (status 0: no answer at all), with a message for the page. */
export class ApiError extends Error {
  readonly status: number;

  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}

/** The message of anything thrown. */
export function messageOf(err: unknown): string {
  const message = typeof err === 'object' && err !== null && 'message' in err ? err.message : undefined;
  return message ? String(message) : String(err);
}

/** A refusal in the API's error envelope, or the start of whatever else came back. */
function describe(status: number, data: unknown, text: string): string {
  const e = typeof data === 'object' && data !== null && 'error' in data ? data.error : undefined;
  if (e && typeof e === 'object') {
    const { code, param, message } = e as { code?: string; param?: string; message?: string };
    return `HTTP ${status} ${code || ''}${param ? ` (${param})` : ''}: ${message || ''}`;
  }
  return `HTTP ${status}: ${(text || 'no body').slice(0, 300)}`;
}

export interface RequestOptions {
  /** Send the admin token (default true; the public API gets a bearer key instead). */
  admin?: boolean;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The parsed JSON answer (null when empty); the type is what the caller reads from that route. */
export async function request<T = unknown>(
  method: string,
  url: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.admin !== false && TOKEN) headers['x-admin-token'] = TOKEN;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, options.headers || {});
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
    });
  } catch (err) {
    throw new ApiError(`The mock did not answer (${messageOf(err)}).`, 0);
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) throw new ApiError(describe(res.status, data, text), res.status);
  return data as T;
}
