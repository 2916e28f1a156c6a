// A small app written against the HTTP API with plain fetch (not our client), as a user's app would be.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: { code?: string; message?: string } },
    readonly retryAfter: string | null,
  ) {
    super(`${status} ${body.error?.code}: ${body.error?.message}`);
  }
}

export interface FetchAppConfig {
  apiKey: string;
  baseUrl?: string;
  /** Extra headers on every request (a test sends x-mock-scenario here). */
  headers?: Record<string, string>;
}

export function createFetchApp(config: FetchAppConfig) {
  const baseUrl = config.baseUrl ?? 'https://api.evolink.ai';
  const headers = { authorization: `Bearer ${config.apiKey}`, ...config.headers };
  async function call(path: string, init: RequestInit = {}) {
    const response = await fetch(`${baseUrl}${path}`, { ...init, headers: { ...headers, ...init.headers } });
    const body = await response.json();
    if (!response.ok) throw new ApiError(response.status, body, response.headers.get('retry-after'));
    return body;
  }
  return {
    startVideo: (prompt: string) =>
      call('/v1/videos/generations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'sora-2', prompt, duration: 10 }),
      }),
    videoStatus: (id: string) => call(`/v1/tasks/${id}`),
    async download(url: string): Promise<{ type: string | null; bytes: Uint8Array }> {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`download failed: ${response.status}`);
      return {
        type: response.headers.get('content-type'),
        bytes: new Uint8Array(await response.arrayBuffer()),
      };
    },
  };
}
