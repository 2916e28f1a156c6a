// One MCP tool per admin operation, derived from the admin API's OpenAPI description: the name is the
// operationId, the input schema its parameters and body schema, the hints its method and `x-effect`.
import { adminSpec, type OpenApiDocument } from '@videotask/spec';
import { deref } from '@videotask/spec/validator';
import { inlineRefs } from './schema.js';

type Json = Record<string, unknown>;
export type Effect = 'read' | 'additive' | 'destructive';

/** A tool as tools/list shows it, plus how a call becomes an admin request. */
export interface AdminTool {
  name: string;
  title: string;
  description: string;
  inputSchema: { type: 'object'; properties: Record<string, unknown>; required?: string[] };
  annotations: { title: string; readOnlyHint: boolean; destructiveHint: boolean };
  effect: Effect;
  method: string;
  /** The admin path with `{name}` for each path parameter. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Whether the operation reads a JSON body (the arguments that are not parameters). */
  hasBody: boolean;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: unknown;
}

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: unknown[];
  requestBody?: unknown;
  'x-effect'?: Effect;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** What an operation does to the mock: every GET reads; others say so in `x-effect` (unsaid: the worst). */
export function effectOf(method: string, operation: { 'x-effect'?: Effect }): Effect {
  if (method === 'get') return 'read';
  return operation['x-effect'] ?? 'destructive';
}

/** The body schema's properties and required names (empty for an operation without a JSON body). */
function bodyShape(document: OpenApiDocument, operation: Operation) {
  if (!operation.requestBody) return { properties: {}, required: [] as string[] };
  const body = deref<{ required?: boolean; content?: Record<string, { schema?: unknown }> }>(
    document,
    operation.requestBody,
  );
  const schema = inlineRefs(document, body.content?.['application/json']?.schema) as Json;
  return {
    properties: (schema.properties ?? {}) as Record<string, unknown>,
    required: body.required ? ((schema.required ?? []) as string[]) : [],
  };
}

/** The tool of one operation; its parameters and body fields side by side at the top level. */
function toolOf(document: OpenApiDocument, method: string, path: string, operation: Operation): AdminTool {
  const name = operation.operationId as string;
  const parameters = (operation.parameters ?? []).map((p) => deref<Parameter>(document, p));
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const p of parameters) {
    const schema = inlineRefs(document, p.schema ?? {}) as Json;
    properties[p.name] = p.description ? { ...schema, description: p.description } : schema;
    if (p.required) required.push(p.name);
  }
  const body = bodyShape(document, operation);
  for (const [field, schema] of Object.entries(body.properties)) {
    if (field in properties) throw new Error(`${name}: body field ${field} is also a parameter`);
    properties[field] = schema;
  }
  required.push(...body.required);
  const effect = effectOf(method, operation);
  const title = operation.summary ?? name;
  return {
    name,
    title,
    description: [operation.summary, operation.description?.trim()].filter(Boolean).join('\n\n'),
    inputSchema: { type: 'object', properties, ...(required.length ? { required } : {}) },
    annotations: { title, readOnlyHint: effect === 'read', destructiveHint: effect === 'destructive' },
    effect,
    method: method.toUpperCase(),
    path,
    pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
    queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
    hasBody: Boolean(operation.requestBody),
  };
}

/** Every admin operation as a tool, in the document's order. */
export function adminTools(document: OpenApiDocument = adminSpec): AdminTool[] {
  const tools: AdminTool[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (operation?.operationId) tools.push(toolOf(document, method, path, operation));
    }
  }
  return tools;
}
