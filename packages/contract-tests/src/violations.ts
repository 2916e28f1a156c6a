// The create-body validation matrix, derived from the spec: each documented rule of each model broken once.
import { type ModelEntry, type ModelId, modelEntries, spec } from '@videotask/spec';
import { createSpecValidator, deref } from '@videotask/spec/validator';

export interface BodyViolation {
  /** The model whose rule is broken. */
  model: ModelId;
  /** What is broken, e.g. `prompt: maxLength 1000`. */
  rule: string;
  /** A request body that breaks exactly this rule and keeps every other one. */
  body: Record<string, unknown>;
  /** The field the server must name in `error.param`. */
  param: string;
}

interface PropertySchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  items?: PropertySchema;
  examples?: unknown[];
  default?: unknown;
  required?: string[];
  properties?: Record<string, PropertySchema>;
  $ref?: string;
}

/** A cross-field rule's counterexample, written beside the rule in the spec. */
interface RuleExample {
  param: string;
  body: Record<string, unknown>;
}

const validator = createSpecValidator();
const validateBody = validator.requestBody('createVideoGeneration');

/** Follows a property's `$ref` (an `ImageUrl`, a `CallbackUrl`) to the schema it names. */
const resolve = (schema: PropertySchema | undefined): PropertySchema | undefined =>
  schema?.$ref ? deref<PropertySchema>(spec, schema) : schema;

const properties = (entry: ModelEntry): Record<string, PropertySchema> =>
  (entry.schema.properties ?? {}) as Record<string, PropertySchema>;

/** The create operation's documented request examples (text to video first). */
const createExamples: Record<string, unknown>[] = Object.values(
  deref<{ content: { 'application/json': { examples: Record<string, unknown> } } }>(
    spec,
    validator.operation('createVideoGeneration').operation.requestBody,
  ).content['application/json'].examples,
).map((example) => deref<{ value: Record<string, unknown> }>(spec, example).value);

const FALLBACK_PROMPT = 'A red fox runs through fresh snow at dawn';

/**
 * A valid starting body for a model: the create operation's first example for it, as users send it,
 * or else its id and a prompt (the schema's example prompt where it has one).
 */
export function minimalBody(entry: ModelEntry): Record<string, unknown> {
  const example = createExamples.find((body) => body.model === entry.id);
  if (example) return structuredClone(example);
  const prompt = resolve(properties(entry).prompt)?.examples?.[0];
  return { model: entry.id, prompt: typeof prompt === 'string' ? prompt : FALLBACK_PROMPT };
}

const wrongTypeValue = (type: string | string[] | undefined): unknown => {
  switch (Array.isArray(type) ? type[0] : type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'ten';
    case 'boolean':
      return 'yes';
    case 'array':
      return 'not-an-array';
    default:
      return 'not-an-object';
  }
};

/** Strings that break `pattern` while staying the same kind of value (a URL stays a URL). */
const patternBreakers = (example: string): string[] => [
  example.replace(/^https?:/i, 'ftp:'),
  example.replace(/^https:/i, 'http:'),
  example.replace(/\.[A-Za-z0-9]+($|[?#])/, '.gif$1'),
  // A host that ends like a file: the path must end so, not the host.
  example.replace(/^(https?:\/\/)[^/?#]+\/[^?#]*?(\.[A-Za-z0-9]+)($|[?#].*)$/i, '$1example$2'),
];

/** Each distinct way the candidates break `pattern` (a wrong scheme, a wrong extension, …). */
function breakPattern(pattern: string, example: string): string[] {
  const regex = new RegExp(pattern, 'u');
  const broken = patternBreakers(example).filter(
    (candidate) => candidate !== example && !regex.test(candidate),
  );
  return [...new Set(broken)].slice(0, 4);
}

/** A valid value of a schema: its example or default, else the smallest value its type allows. */
function sampleOf(raw: PropertySchema | undefined): unknown {
  const schema = resolve(raw);
  if (!schema) return undefined;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  switch (Array.isArray(schema.type) ? schema.type[0] : schema.type) {
    case 'string':
      return 'a'.repeat(Math.max(1, schema.minLength ?? 0));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    default: {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sampleOf(schema.properties?.[key]);
      return out;
    }
  }
}

/** Values of one property that each break one keyword of its schema (and of its object's own properties). */
function breakProperty(name: string, raw: PropertySchema): { rule: string; value: unknown }[] {
  const schema = resolve(raw) as PropertySchema;
  const out: { rule: string; value: unknown }[] = [];
  const itemSchema = resolve(schema.items);
  const example = schema.examples?.[0] ?? (itemSchema ? [sampleOf(itemSchema)] : undefined);
  if (schema.const !== undefined) return [];
  // An object's own properties (model_params.multi_prompt, …): each broken inside an otherwise empty object.
  const nested = Object.entries(schema.properties ?? {}).flatMap(([sub, subSchema]) =>
    breakProperty(sub, subSchema).map(({ rule, value }) => ({
      rule: `${name}.${rule}`,
      value: { [sub]: value },
    })),
  );
  out.push({ rule: `type ${String(schema.type)}`, value: wrongTypeValue(schema.type) });
  if (schema.enum) {
    const value =
      typeof schema.enum[0] === 'number' ? Math.max(...(schema.enum as number[])) + 1 : 'not-a-listed-value';
    out.push({ rule: `enum ${schema.enum.join('|')}`, value });
  }
  if (schema.minimum !== undefined)
    out.push({ rule: `minimum ${schema.minimum}`, value: schema.minimum - 1 });
  if (schema.maximum !== undefined)
    out.push({ rule: `maximum ${schema.maximum}`, value: schema.maximum + 1 });
  if (schema.minLength !== undefined && schema.minLength > 0) {
    out.push({ rule: `minLength ${schema.minLength}`, value: 'x'.repeat(schema.minLength - 1) });
  }
  if (schema.maxLength !== undefined) {
    const base = typeof example === 'string' ? example : '';
    out.push({
      rule: `maxLength ${schema.maxLength}`,
      value: base + 'a'.repeat(schema.maxLength + 1 - base.length),
    });
  }
  if (schema.maxItems !== undefined && Array.isArray(example)) {
    out.push({
      rule: `maxItems ${schema.maxItems}`,
      value: Array.from({ length: schema.maxItems + 1 }, () => example[0]),
    });
  }
  if (itemSchema?.pattern && Array.isArray(example) && typeof example[0] === 'string') {
    for (const broken of breakPattern(itemSchema.pattern, example[0])) {
      out.push({ rule: `items.pattern (${broken})`, value: [broken] });
    }
  }
  if (itemSchema?.format === 'uri') out.push({ rule: 'items.format uri', value: ['not a url'] });
  if (schema.pattern && typeof example === 'string') {
    for (const broken of breakPattern(schema.pattern, example)) {
      out.push({ rule: `pattern (${broken.slice(0, 40)})`, value: broken });
    }
  }
  if (schema.format === 'uri') out.push({ rule: 'format uri', value: 'not a url' });
  return [...out.map(({ rule, value }) => ({ rule: `${name}: ${rule}`, value })), ...nested];
}

/** Every `x-rule-example` in a model's schema, with the words of the rule it breaks. */
function ruleExamples(node: unknown, found: { rule: string; example: RuleExample }[] = []) {
  if (Array.isArray(node)) for (const child of node) ruleExamples(child, found);
  else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    const example = record['x-rule-example'] as RuleExample | undefined;
    if (example) found.push({ rule: String(record['x-rule-description']), example });
    for (const [key, child] of Object.entries(record)) {
      if (key !== 'x-rule-example' && key !== 'x-model-profile') ruleExamples(child, found);
    }
  }
  return found;
}

/** Every rule of one model's create body, each broken once. */
export function modelViolations(entry: ModelEntry): BodyViolation[] {
  const model = entry.id;
  const start = minimalBody(entry);
  const violations: BodyViolation[] = [];
  for (const name of (entry.schema.required as string[] | undefined) ?? []) {
    if (name === 'model') continue;
    const body = minimalBody(entry);
    delete body[name];
    violations.push({ model, rule: `${name}: required`, body, param: name });
  }
  for (const [name, schema] of Object.entries(properties(entry))) {
    for (const { rule, value } of breakProperty(name, schema)) {
      violations.push({ model, rule, body: { ...start, [name]: value }, param: name });
    }
  }
  for (const { rule, example } of ruleExamples(entry.schema)) {
    violations.push({ model, rule: `${example.param}: ${rule}`, body: example.body, param: example.param });
  }
  return violations;
}

/** Rules of the create body as a whole: the model itself is required and must be one the spec lists. */
function modelFieldViolations(): BodyViolation[] {
  const first = modelEntries()[0] as ModelEntry;
  const { model: _model, ...withoutModel } = minimalBody(first);
  const known = new Set<string>(modelEntries().map((entry) => entry.id));
  let unknown = `${first.id}-x`;
  while (known.has(unknown)) unknown += '-x';
  return [
    { model: first.id, rule: 'model: required', body: withoutModel, param: 'model' },
    { model: first.id, rule: 'model: enum', body: { ...withoutModel, model: unknown }, param: 'model' },
    { model: first.id, rule: 'model: type string', body: { ...withoutModel, model: 2 }, param: 'model' },
  ];
}

/** Every rule of every model's create body that the spec can say, each broken once. */
export function schemaViolations(): BodyViolation[] {
  const violations = [...modelFieldViolations(), ...modelEntries().flatMap(modelViolations)];
  // Guard against a generator bug: each body must really be invalid, for the named field only.
  const wrong = violations.filter(
    (v) => validateBody(v.body) || validateBody.issues[0]?.property !== v.param,
  );
  if (wrong.length > 0) {
    const rows = wrong.map((v) => `${v.model} ${v.rule}`).join('; ');
    throw new Error(`violation generator produced wrong cases: ${rows}`);
  }
  return violations;
}

/** Rules a schema cannot say: callback hosts that must be refused (loopback, private, link-local). */
export const forbiddenCallbackUrls: string[] = [
  'https://127.0.0.1/hook',
  'https://localhost/hook',
  'https://[::1]/hook',
  'https://10.0.0.8/hook',
  'https://172.16.5.4/hook',
  'https://192.168.1.10/hook',
  'https://169.254.169.254/latest/meta-data',
  'https://0.0.0.0/hook',
  'https://2130706433/hook',
  'https://0x7f000001/hook',
  'https://[::ffff:127.0.0.1]/hook',
  'https://[fd00::1]/hook',
  'https://[fe80::1]/hook',
];
