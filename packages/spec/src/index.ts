// The OpenAPI 3.1 description of the video task API, as a plain object for code.
import document from '../openapi.json' with { type: 'json' };

/** A loose view of an OpenAPI 3.1 document: enough to walk it without a type dependency. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  servers?: { url: string; description?: string }[];
  paths: Record<string, Record<string, unknown>>;
  webhooks?: Record<string, unknown>;
  components: {
    schemas: Record<string, unknown>;
    [section: string]: Record<string, unknown>;
  };
  [key: string]: unknown;
}

/** The whole spec (bundled from openapi.yaml). Treat it as read-only. */
export const spec: OpenApiDocument = document as unknown as OpenApiDocument;

const servers = spec.servers ?? [];

/** The production server, as the spec lists it first. */
export const PRODUCTION_BASE_URL: string = servers[0]?.url ?? '';

/** The local mock server's default address, as the spec lists it (the loopback server). */
export const MOCK_BASE_URL: string = servers.find((s) => s.url.startsWith('http://127.0.0.1'))?.url ?? '';
