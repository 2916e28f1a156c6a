// The two OpenAPI 3.1 documents (the public API and the mock's admin API) as plain objects, their
// generated types, and typed access to their named examples.
import adminDocument from '../mock-admin.json' with { type: 'json' };
import document from '../openapi.json' with { type: 'json' };
import type { AdminExamples, Examples } from './generated/examples.generated.js';

export type { AdminExamples, Examples } from './generated/examples.generated.js';
export type {
  components as AdminComponents,
  operations as AdminOperations,
  paths as AdminPaths,
} from './generated/mock-admin.generated.js';
export type { components, operations, paths, webhooks } from './generated/openapi.generated.js';

/** The public API's schemas by name, e.g. `Schemas['VideoTask']`. */
export type Schemas = import('./generated/openapi.generated.js').components['schemas'];
/** The admin API's schemas by name, e.g. `AdminSchemas['AdminTask']`. */
export type AdminSchemas = import('./generated/mock-admin.generated.js').components['schemas'];

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

/** The public API's description (bundled from openapi.yaml). Treat it as read-only. */
export const spec: OpenApiDocument = document as unknown as OpenApiDocument;

/**
 * The mock's admin API (bundled from mock-admin.yaml: the public schemas it refers to are copied
 * into its own components, so every `$ref` is local). Treat it as read-only.
 */
export const adminSpec: OpenApiDocument = adminDocument as unknown as OpenApiDocument;

const servers = spec.servers ?? [];

/** The production server, as the spec lists it first. */
export const PRODUCTION_BASE_URL: string = servers[0]?.url ?? '';

/** The local mock server's default address, as the spec lists it (the loopback server). */
export const MOCK_BASE_URL: string = servers.find((s) => s.url.startsWith('http://127.0.0.1'))?.url ?? '';

function namedExample(doc: OpenApiDocument, name: string): unknown {
  const found = (doc.components.examples as Record<string, { value: unknown }> | undefined)?.[name];
  if (!found) throw new Error(`No example ${name} in ${doc.info.title}`);
  return structuredClone(found.value);
}

/** A fresh copy of a named example of openapi.yaml, typed by the schema it illustrates. */
export function example<Name extends keyof Examples>(name: Name): Examples[Name] {
  return namedExample(spec, name) as Examples[Name];
}

/** A fresh copy of a named example of mock-admin.yaml, typed by the schema it illustrates. */
export function adminExample<Name extends keyof AdminExamples>(name: Name): AdminExamples[Name] {
  return namedExample(adminSpec, name) as AdminExamples[Name];
}
export * from './models.js';
