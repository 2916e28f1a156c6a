// Node entry helper: hands a request to the app once Node holds its whole body, taken in one read.
import { IncomingMessage } from 'node:http';
import type { Http2Bindings, HttpBindings } from '@hono/node-server';

type Env = HttpBindings | Http2Bindings;
type FetchHandler = (request: Request, env: Env) => Response | Promise<Response>;

/** @hono/node-server reads a request's text()/json()/body from here when it is a Buffer. */
type IncomingWithRawBody = IncomingMessage & { rawBody?: Buffer };

/**
 * Wraps a fetch handler for @hono/node-server. Node announces a request when its headers are parsed;
 * a small body sent with them is parsed in the same step, so by the next turn of the event loop
 * (setImmediate) it sits complete in the request's buffer. It is then taken with one synchronous
 * read and handed over as `rawBody`, which the adapter's text()/json() return directly. Reading it
 * through the stream instead (flowing mode: listeners, ticks, pausing and resuming the socket) cost
 * more server CPU than everything the mock does for a create.
 *
 * A body that has not all arrived by then is left alone and read as a stream, as before; a GET or
 * HEAD is handed over at once.
 */
export function withBufferedBody(handler: FetchHandler): FetchHandler {
  return (request, env) => {
    const method = request.method;
    if (method === 'GET' || method === 'HEAD' || !(env.incoming instanceof IncomingMessage)) {
      return handler(request, env);
    }
    const incoming = env.incoming as IncomingWithRawBody;
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      takeBufferedBody(incoming);
      return handler(request, env);
    });
  };
}

/** Moves a fully received, still unread body to `rawBody`; true when it did. */
export function takeBufferedBody(incoming: IncomingWithRawBody): boolean {
  // readableFlowing null: nobody reads the stream yet (a listener would receive the data instead).
  if (!incoming.complete || incoming.readableDidRead || incoming.readableFlowing !== null) return false;
  if (incoming.rawBody !== undefined) return false;
  // In paused mode read() returns everything buffered as one Buffer; null when the body is empty.
  const body = incoming.read() as Buffer | null;
  incoming.rawBody = body ?? Buffer.alloc(0);
  return true;
}
