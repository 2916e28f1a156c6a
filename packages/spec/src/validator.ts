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
  /** The rule alone, e.g. `must be at most 1000 characters` (a parameter's check names it after the parameter). */
  rule: string;
  /** A sentence naming the property and the rule, e.g. `prompt must be at most 1000 characters`. */
  message: string;
}

export interface CompiledValidator<T = unknown> {
  /** True when `value` matches (and then it is a `T`); otherwise `issues` describes why. */
  (value: unknown): value is T;
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
   * A validator for an operation's query parameters, given as an object of strings (e.g.
   * `Object.fromEntries(url.searchParams)`): values are converted in place to their schema's type
   * (`"100"` → `100`), so after a pass the object holds typed values. Unknown names are ignored.
   */
  query(operationId: string): CompiledValidator;
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

/** Schema extension that says in words why a cross-field rule (`if`/`then`) asks for a value. */
const RULE_WORDS_KEY = 'x-rule-description';
/** Schema extensions that carry data for other tools (the mock's model profiles); no validation. */
const DATA_KEYWORDS = ['x-model-profile'];

interface Discriminated {
  oneOf: unknown[];
  discriminator: { propertyName: string; mapping: Record<string, string> };
  [key: string]: unknown;
}

const isDiscriminated = (node: Record<string, unknown>): node is Discriminated => {
  const d = node.discriminator as Discriminated['discriminator'] | undefined;
  return Array.isArray(node.oneOf) && typeof d?.propertyName === 'string' && typeof d.mapping === 'object';
};

/**
 * A `oneOf` told apart by a discriminator, as one `if`/`then` per mapping entry: the tag is checked
 * first (a missing or unknown `model` gets its own message, not one per branch), only the chosen
 * branch is validated, and its defaults are filled in (ajv fills none inside `oneOf`).
 */
function dispatchByTag(node: Discriminated): Record<string, unknown> {
  const { oneOf: _branches, discriminator, ...rest } = node;
  const tag = discriminator.propertyName;
  const values = Object.keys(discriminator.mapping);
  return {
    ...rest,
    type: 'object',
    required: [...((rest.required as string[] | undefined) ?? []), tag],
    properties: { ...(rest.properties as object | undefined), [tag]: { type: 'string', enum: values } },
    allOf: [
      ...((rest.allOf as unknown[] | undefined) ?? []),
      ...values.map((value) => ({
        if: { required: [tag], properties: { [tag]: { const: value } } },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's `then`, not a thenable.
        then: { $ref: discriminator.mapping[value] },
      })),
    ],
  };
}

/** Rewrites schema refs to the registered `$defs` resource so any fragment compiles on its own. */
function absolutizeRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absolutizeRefs);
  if (value === null || typeof value !== 'object') return value;
  if (isDiscriminated(value as Record<string, unknown>))
    return absolutizeRefs(dispatchByTag(value as Discriminated));
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

const plural = (n: unknown, word: string) => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

/** What each JSON Schema keyword asks for, in words, after the field's name. */
const RULE_WORDS: Record<string, (params: Record<string, unknown>, parentSchema: unknown) => string> = {
  required: () => 'is required',
  maxLength: (p) => `must be at most ${plural(p.limit, 'character')}`,
  minLength: (p) =>
    p.limit === 1 ? 'must not be empty' : `must be at least ${plural(p.limit, 'character')}`,
  maxItems: (p) => `must have at most ${plural(p.limit, 'item')}`,
  minItems: (p) => `must have at least ${plural(p.limit, 'item')}`,
  maximum: (p) => `must be at most ${String(p.limit)}`,
  minimum: (p) => `must be at least ${String(p.limit)}`,
  exclusiveMinimum: (p) => `must be greater than ${String(p.limit)}`,
  enum: (p) => `must be one of: ${(p.allowedValues as unknown[]).map((v) => String(v)).join(', ')}`,
  const: (p) => `must be ${JSON.stringify(p.allowedValue)}`,
  type: (p) => `must be of type ${String(p.type).replace(',', ' or ')}`,
  format: (p) => `must be a valid ${String(p.format)}`,
  // A pattern is unreadable; the schema may say in words what it asks for.
  pattern: (p, parentSchema) => {
    const words = (parentSchema as Record<string, unknown> | undefined)?.[PATTERN_WORDS];
    return `must ${typeof words === 'string' ? words : `match the pattern ${String(p.pattern)}`}`;
  },
  'false schema': () => 'must not be present',
};

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
  const words = RULE_WORDS[error.keyword];
  let rule = words ? words(params, error.parentSchema) : (error.message ?? 'is invalid');
  const why = (error.parentSchema as Record<string, unknown> | undefined)?.[RULE_WORDS_KEY];
  if (typeof why === 'string') rule = `${rule} (${why})`;
  return { path, property, keyword: error.keyword, rule, message: `${subject} ${rule}` };
}

function createAjv(doc: OpenApiDocument, options: SpecValidatorOptions, coerceTypes: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    strictTypes: false,
    allErrors: options.allErrors ?? false,
    useDefaults: options.useDefaults ?? false,
    coerceTypes,
    // Gives each error its schema, so messages can use the spec's own wording.
    verbose: true,
  });
  addFormats(ajv);
  // OpenAPI's schema keywords that JSON Schema does not know; annotations only.
  ajv.addKeyword('discriminator');
  ajv.addKeyword('example');
  ajv.addKeyword(PATTERN_WORDS);
  ajv.addKeyword(RULE_WORDS_KEY);
  ajv.addKeyword('x-rule-example');
  for (const keyword of DATA_KEYWORDS) ajv.addKeyword(keyword);
  // The spec's schemas are registered as one resource so `#/components/schemas/...` refs resolve.
  ajv.addSchema({ $id: SPEC_ID, $defs: absolutizeRefs(doc.components.schemas) } as never);
  return ajv;
}

/** One object schema for an operation's query parameters: a property per parameter. */
function querySchema(doc: OpenApiDocument, operation: Record<string, unknown>): unknown {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const ref of (operation.parameters as unknown[] | undefined) ?? []) {
    const param = deref<{ name: string; in: string; required?: boolean; schema?: unknown }>(doc, ref);
    if (param.in !== 'query') continue;
    properties[param.name] = param.schema ?? {};
    if (param.required) required.push(param.name);
  }
  return { type: 'object', properties, required };
}

type CachedCompile = (key: string, schema: unknown, coerce?: boolean) => CompiledValidator;

/** Compiles each schema once, by key; query schemas (`coerce`) on a second ajv that converts text to their types. */
function cachedCompiler(doc: OpenApiDocument, options: SpecValidatorOptions): CachedCompile {
  const ajv = createAjv(doc, options, false);
  // Query parameters arrive as text: a second instance converts them to their schema's type.
  let coercing: Ajv2020 | undefined;
  const cache = new Map<string, CompiledValidator>();
  return (key, schema, coerce = false) => {
    const hit = cache.get(key);
    if (hit) return hit;
    if (coerce) coercing ??= createAjv(doc, options, true);
    const instance = coerce && coercing ? coercing : ajv;
    const validate: ValidateFunction = instance.compile(absolutizeRefs(schema) as object);
    const wrapped = ((value: unknown) => {
      const ok = validate(value);
      wrapped.issues = ok ? [] : (validate.errors ?? []).map(describe);
      return ok;
    }) as CompiledValidator;
    wrapped.issues = [];
    wrapped.schema = schema;
    cache.set(key, wrapped);
    return wrapped;
  };
}

/** Finds an operation of the spec by its operationId (throws for an unknown one). */
function operationLookup(doc: OpenApiDocument) {
  const operations = new Map<string, { path: string; method: string; operation: Record<string, unknown> }>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const op = operation as { operationId?: string };
      if (op && typeof op === 'object' && op.operationId) {
        operations.set(op.operationId, { path, method, operation: op as Record<string, unknown> });
      }
    }
  }
  return (operationId: string) => {
    const found = operations.get(operationId);
    if (!found) throw new Error(`No operation ${operationId} in the spec`);
    return found;
  };
}

function jsonSchemaOf(content: unknown, what: string): unknown {
  const media = (content as Record<string, { schema?: unknown }> | undefined)?.['application/json'];
  if (!media?.schema) throw new Error(`${what} has no application/json schema`);
  return media.schema;
}

/**
 * Compiles validators from the spec once; each validator is cached by what it validates.
 * Uses ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1) with formats.
 */
export function createSpecValidator(
  options: SpecValidatorOptions = {},
  doc: OpenApiDocument = defaultSpec,
): SpecValidator {
  const compileCached = cachedCompiler(doc, options);
  const operation = operationLookup(doc);
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
    query: (operationId) =>
      compileCached(`query:${operationId}`, querySchema(doc, operation(operationId).operation), true),
    webhookBody: (name) => {
      const item = deref<{ post?: { requestBody?: unknown } }>(doc, doc.webhooks?.[name]);
      const body = deref<{ content?: unknown }>(doc, item?.post?.requestBody);
      return compileCached(`webhook:${name}`, jsonSchemaOf(body?.content, `webhook ${name}`));
    },
  };
}

export type { Json };
