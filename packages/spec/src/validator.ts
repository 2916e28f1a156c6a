// JSON Schema 2020-12 validators compiled from the spec: request bodies, responses, named schemas.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { spec as defaultSpec, type OpenApiDocument } from './index.js';

// ajv-formats is CommonJS; depending on the loader its function arrives as the module or as `.default`.
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;

const SPEC_ID = 'urn:videotask:openapi';

export interface ValidationIssue {
  /** JSON pointer into the validated value, e.g. `/prompt` or `` for the root. */
  path: string;
  /** The top-level property at fault (`prompt`, `image_urls`, …), when there is one. */
  property: string | undefined;
  /** The JSON Schema keyword that failed (`maxLength`, `enum`, `required`, …). */
  keyword: string;
  /** A sentence naming the property and the rule, e.g. `prompt must be at most 1000 characters`. */
  message: string;
}

export interface CompiledValidator {
  /** True when `value` matches; otherwise `issues` describes why. */
  (value: unknown): boolean;
  issues: ValidationIssue[];
  /** The schema it was compiled from (refs point into the spec). */
  schema: unknown;
}

export interface SpecValidator {
  /** A validator for `components.schemas[name]`. */
  schema(name: string): CompiledValidator;
  /** A validator for the JSON request body of an operation. */
  requestBody(operationId: string): CompiledValidator;
  /**
   * A validator for an operation's JSON response with this status (falling back to the
   * operation's `default` response), or undefined when the spec declares neither.
   */
  response(operationId: string, status: number): CompiledValidator | undefined;
  /** The JSON body schema of a top-level webhook's POST. */
  webhookBody(name: string): CompiledValidator;
  /** Compiles any schema fragment of the spec (its `#/components/...` refs resolve). */
  compile(schema: unknown): CompiledValidator;
  /** The operation object for an id, with its path and method. */
  operation(operationId: string): { path: string; method: string; operation: Record<string, unknown> };
  /** Options the validators were made with. */
  readonly options: SpecValidatorOptions;
}

export interface SpecValidatorOptions {
  /** Fill in schema defaults on validated objects (the mock uses this for create bodies). */
  useDefaults?: boolean;
  /** Report every issue instead of the first one. */
  allErrors?: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Schema extension that says in words what a `pattern` asks for, used in error messages. */
const PATTERN_WORDS = 'x-pattern-description';
const SCHEMAS_PREFIX = '#/components/schemas/';

/** Rewrites schema refs to the registered `$defs` resource so any fragment compiles on its own. */
function absolutizeRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absolutizeRefs);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') {
      if (!child.startsWith(SCHEMAS_PREFIX))
        throw new Error(`A schema may only reference components.schemas, got ${child}`);
      out[key] = `${SPEC_ID}#/$defs/${child.slice(SCHEMAS_PREFIX.length)}`;
    } else {
      out[key] = absolutizeRefs(child);
    }
  }
  return out;
}

function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`Only local refs are supported, got ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[key];
    if (node === undefined) throw new Error(`Unresolved ref ${ref}`);
  }
  return node;
}

/** Follows `$ref` chains of non-schema objects (responses, request bodies, examples, path items). */
export function deref<T = Record<string, unknown>>(doc: unknown, node: unknown): T {
  let current = node as { $ref?: string } | undefined;
  for (let depth = 0; current && typeof current.$ref === 'string' && depth < 16; depth++) {
    current = resolvePointer(doc, current.$ref) as { $ref?: string };
  }
  return current as T;
}

function describe(error: ErrorObject): ValidationIssue {
  const params = error.params as Record<string, unknown>;
  let path = error.instancePath;
  if (error.keyword === 'required') path = `${path}/${String(params.missingProperty)}`;
  if (error.keyword === 'additionalProperties') path = `${path}/${String(params.additionalProperty)}`;
  const pathSegments = path.split('/').slice(1);
  const property = pathSegments[0]?.replace(/~1/g, '/').replace(/~0/g, '~');
  const subject = pathSegments.length
    ? pathSegments.map((seg, i) => (/^\d+$/.test(seg) ? `[${seg}]` : i ? `.${seg}` : seg)).join('')
    : 'body';
  let message: string;
  switch (error.keyword) {
    case 'required':
      message = `${subject} is required`;
      break;
    case 'maxLength':
      message = `${subject} must be at most ${String(params.limit)} characters`;
      break;
    case 'minLength':
      message =
        params.limit === 1
          ? `${subject} must not be empty`
          : `${subject} must be at least ${String(params.limit)} characters`;
      break;
    case 'maxItems':
      message = `${subject} must have at most ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
      break;
    case 'minItems':
      message = `${subject} must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
      break;
    case 'enum':
      message = `${subject} must be one of: ${(params.allowedValues as unknown[]).map((v) => String(v)).join(', ')}`;
      break;
    case 'const':
      message = `${subject} must be ${JSON.stringify(params.allowedValue)}`;
      break;
    case 'type':
      message = `${subject} must be of type ${String(params.type).replace(',', ' or ')}`;
      break;
    case 'format':
      message = `${subject} must be a valid ${String(params.format)}`;
      break;
    case 'pattern': {
      // A pattern is unreadable; the schema may say in words what it asks for.
      const words = (error.parentSchema as Record<string, unknown> | undefined)?.[PATTERN_WORDS];
      message = `${subject} must ${typeof words === 'string' ? words : `match the pattern ${String(params.pattern)}`}`;
      break;
    }
    case 'false schema':
      message = `${subject} must not be present`;
      break;
    default:
      message = `${subject} ${error.message ?? 'is invalid'}`;
  }
  return { path, property, keyword: error.keyword, message };
}

/**
 * Compiles validators from the spec once; each validator is cached by what it validates.
 * Uses ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1) with formats.
 */
export function createSpecValidator(
  options: SpecValidatorOptions = {},
  doc: OpenApiDocument = defaultSpec,
): SpecValidator {
  const ajv = new Ajv2020({
    strict: true,
    strictTypes: false,
    allErrors: options.allErrors ?? false,
    useDefaults: options.useDefaults ?? false,
    // Gives each error its schema, so messages can use the spec's own wording.
    verbose: true,
  });
  addFormats(ajv);
  // OpenAPI's schema keywords that JSON Schema does not know; annotations only.
  ajv.addKeyword('discriminator');
  ajv.addKeyword('example');
  ajv.addKeyword(PATTERN_WORDS);
  // The spec's schemas are registered as one resource so `#/components/schemas/...` refs resolve.
  ajv.addSchema({ $id: SPEC_ID, $defs: absolutizeRefs(doc.components.schemas) } as never);

  const cache = new Map<string, CompiledValidator>();
  function compileCached(key: string, schema: unknown): CompiledValidator {
    const hit = cache.get(key);
    if (hit) return hit;
    const validate: ValidateFunction = ajv.compile(absolutizeRefs(schema) as object);
    const wrapped = ((value: unknown) => {
      const ok = validate(value);
      wrapped.issues = ok ? [] : (validate.errors ?? []).map(describe);
      return ok;
    }) as CompiledValidator;
    wrapped.issues = [];
    wrapped.schema = schema;
    cache.set(key, wrapped);
    return wrapped;
  }

  const operations = new Map<string, { path: string; method: string; operation: Record<string, unknown> }>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const op = operation as { operationId?: string };
      if (op && typeof op === 'object' && op.operationId) {
        operations.set(op.operationId, { path, method, operation: op as Record<string, unknown> });
      }
    }
  }
  function operation(operationId: string) {
    const found = operations.get(operationId);
    if (!found) throw new Error(`No operation ${operationId} in the spec`);
    return found;
  }
  function jsonSchemaOf(content: unknown, what: string): unknown {
    const media = (content as Record<string, { schema?: unknown }> | undefined)?.['application/json'];
    if (!media?.schema) throw new Error(`${what} has no application/json schema`);
    return media.schema;
  }

  return {
    options,
    operation,
    compile: (schema) => compileCached(`fragment:${JSON.stringify(schema)}`, schema),
    schema: (name) => {
      if (!(name in doc.components.schemas)) throw new Error(`No schema ${name} in the spec`);
      return compileCached(`schema:${name}`, { $ref: `#/components/schemas/${name}` });
    },
    requestBody: (operationId) => {
      const body = deref<{ content?: unknown }>(doc, operation(operationId).operation.requestBody);
      return compileCached(
        `request:${operationId}`,
        jsonSchemaOf(body?.content, `${operationId}'s request body`),
      );
    },
    response: (operationId, status) => {
      const responses = operation(operationId).operation.responses as Record<string, unknown>;
      const key =
        String(status) in responses ? String(status) : 'default' in responses ? 'default' : undefined;
      if (!key) return undefined;
      const response = deref<{ content?: unknown }>(doc, responses[key]);
      return compileCached(
        `response:${operationId}:${key}`,
        jsonSchemaOf(response.content, `${operationId} ${key}`),
      );
    },
    webhookBody: (name) => {
      const item = deref<{ post?: { requestBody?: unknown } }>(doc, doc.webhooks?.[name]);
      const body = deref<{ content?: unknown }>(doc, item?.post?.requestBody);
      return compileCached(`webhook:${name}`, jsonSchemaOf(body?.content, `webhook ${name}`));
    },
  };
}

export type { Json };
