// The Node server's defences against slow and oversized clients: header and request timeouts, an
// idle keep-alive timeout, a header size limit (431), and bodies over 1 MiB refused (413) before
// they are read. Errors use the API's JSON envelope; the connection is closed after each refusal.
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerOptions,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import type { Socket } from 'node:net';
import { MAX_BODY_BYTES } from '../http/respond.js';

export interface ServerLimits {
  /** Real-time ms a client has to send a request's headers (default 10,000); then 408 and closed. */
  headersTimeoutMs?: number;
  /** Real-time ms a client has to send a whole request, body included (default 30,000); then 408 and closed. */
  requestTimeoutMs?: number;
  /** Real-time ms an idle keep-alive connection stays open (default 5,000). */
  keepAliveTimeoutMs?: number;
  /** Largest request line and headers, in bytes (default 16 KiB); beyond it 431 and closed. */
  maxHeaderBytes?: number;
  /** How often Node checks the header and request timeouts, ms (default 1,000: a timeout fires up to this late). */
  timeoutCheckIntervalMs?: number;
}

export const DEFAULT_LIMITS: Readonly<Required<ServerLimits>> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxHeaderBytes: 16 * 1024,
  timeoutCheckIntervalMs: 1_000,
};

export function resolveLimits(limits: ServerLimits = {}): Required<ServerLimits> {
  const resolved = { ...DEFAULT_LIMITS };
  for (const [name, value] of Object.entries(limits) as [keyof ServerLimits, number | undefined][]) {
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value <= 0)
      throw new RangeError(`${name} must be an integer > 0, got ${value}`);
    resolved[name] = value;
  }
  // Node refuses a headers timeout longer than the request timeout.
  resolved.headersTimeoutMs = Math.min(resolved.headersTimeoutMs, resolved.requestTimeoutMs);
  return resolved;
}

/** The `node:http` options that carry the limits. */
export function nodeServerOptions(limits: Required<ServerLimits>): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    maxHeaderSize: limits.maxHeaderBytes,
    connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
  };
}

let refusals = 0;

function envelope(status: number, code: string, type: string, message: string) {
  const body = JSON.stringify({ error: { code, message, type } });
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'x-request-id': `req_node_${(++refusals).toString(36)}`,
    connection: 'close',
  };
  return { status, body, headers };
}

/**
 * Wraps the request listener: a request that declares a body over the limit is answered 413 before
 * a byte of it is read, and an answer that goes out before its request body has all arrived (a
 * streamed body cut at the limit, a refusal that reads no body) says `Connection: close` and the
 * connection is closed rather than drained, so an oversized upload stops at once.
 */
export function guardRequests(listener: RequestListener, limit = MAX_BODY_BYTES): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > limit) {
      const { status, body, headers } = envelope(
        413,
        'request_too_large',
        'request_too_large_error',
        `The request body exceeds ${limit} bytes.`,
      );
      res.writeHead(status, headers);
      res.end(body, () => req.socket.destroySoon());
      return;
    }
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(declared ?? 0) > 0;
    if (hasBody) {
      const writeHead = res.writeHead;
      res.writeHead = ((...args: Parameters<ServerResponse['writeHead']>) => {
        // Node closes the connection after an answer whose shouldKeepAlive is off, and says
        // `Connection: close` in it (RFC 9112 §9.6), instead of draining what the client still sends.
        if (!req.complete) res.shouldKeepAlive = false;
        return writeHead.apply(res, args);
      }) as ServerResponse['writeHead'];
    }
    listener(req, res);
  };
}

/**
 * Answers what Node refuses before a request reaches the listener — headers too large (431), a
 * request or its headers too slow (408), a malformed request (400) — in the API's envelope, then
 * closes the connection (Node's own answers have no body).
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const response = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
    if (!socket.writable || response?.headersSent || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const { status, body, headers } =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? envelope(431, 'headers_too_large', 'request_too_large_error', 'The request headers are too large.')
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? envelope(408, 'request_timeout', 'invalid_request_error', 'The request took too long to arrive.')
          : envelope(400, 'bad_request', 'invalid_request_error', 'The request is not valid HTTP.');
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${body}`);
    // A client that does not read its answer must not keep the socket.
    setTimeout(() => socket.destroy(), 1000).unref();
  });
}

/** `http.createServer` with the limits applied: for @hono/node-server's `createServer` option. */
export function limitedCreateServer(limits: ServerLimits = {}) {
  const resolved = resolveLimits(limits);
  return ((_options: ServerOptions, listener: RequestListener) => {
    const server = createServer(nodeServerOptions(resolved), guardRequests(listener));
    answerClientErrors(server);
    return server;
  }) as unknown as typeof createServer;
}
