// The create-body validation matrix, derived from the spec: each documented rule broken once.
import { spec } from '@videotask/spec';
import { createSpecValidator, deref } from '@videotask/spec/validator';

export interface BodyViolation {
  /** What is broken, e.g. `prompt: maxLength 1000`. */
  rule: string;
  /** A request body that breaks exactly this rule and keeps every other one. */
  body: Record<string, unknown>;
  /** The field the server must name in `error.param`. */
  param: string;
}

interface PropertySchema {
  type?: string | string[];
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  items?: PropertySchema;
  examples?: unknown[];
}

const validator = createSpecValidator();
const requestSchema = deref<{ required: string[]; properties: Record<string, PropertySchema> }>(
  spec,
  spec.components.schemas.VideoGenerationRequest,
);
const validateBody = validator.requestBody('createVideoGeneration');

/** The spec's text-to-video example: the valid body every violation starts from. */
export const validBody = (): Record<string, unknown> =>
  structuredClone(
    deref<{ value: Record<string, unknown> }>(spec, spec.components.examples?.TextToVideoRequest).value,
  );

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
      return { unexpected: true };
  }
};

/** Strings that break `pattern` while staying the same kind of value (a URL stays a URL). */
const patternBreakers = (example: string): string[] => [
  example.replace(/^https?:/i, 'ftp:'),
  example.replace(/^https:/i, 'http:'),
  example.replace(/\.[A-Za-z0-9]+($|[?#])/, '.gif$1'),
];

/** Each distinct way the candidates break `pattern` (a wrong scheme, a wrong extension, …). */
function breakPattern(pattern: string, example: string): string[] {
  const regex = new RegExp(pattern, 'u');
  const broken = patternBreakers(example).filter(
    (candidate) => candidate !== example && !regex.test(candidate),
  );
  return [...new Set(broken)].slice(0, 3);
}

/** Values of one property that each break one keyword of its schema. */
function breakProperty(name: string, schema: PropertySchema): { rule: string; value: unknown }[] {
  const out: { rule: string; value: unknown }[] = [];
  const example = schema.examples?.[0];
  out.push({ rule: `type ${String(schema.type)}`, value: wrongTypeValue(schema.type) });
  if (schema.enum) {
    const value =
      typeof schema.enum[0] === 'number' ? Math.max(...(schema.enum as number[])) + 1 : 'not-a-listed-value';
    out.push({ rule: `enum ${schema.enum.join('|')}`, value });
  }
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
  if (schema.maxItems !== undefined) {
    const item = Array.isArray(example) ? example[0] : undefined;
    out.push({
      rule: `maxItems ${schema.maxItems}`,
      value: Array.from({ length: schema.maxItems + 1 }, () => item),
    });
  }
  const itemSchema = schema.items;
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
  return out.map(({ rule, value }) => ({ rule: `${name}: ${rule}`, value }));
}

/** Every rule of the create body that a JSON Schema can say, each broken once. */
export function schemaViolations(): BodyViolation[] {
  const violations: BodyViolation[] = [];
  for (const name of requestSchema.required) {
    const body = validBody();
    delete body[name];
    violations.push({ rule: `${name}: required`, body, param: name });
  }
  for (const [name, schema] of Object.entries(requestSchema.properties)) {
    for (const { rule, value } of breakProperty(name, schema)) {
      violations.push({ rule, body: { ...validBody(), [name]: value }, param: name });
    }
  }
  // Guard against a generator bug: each body must really be invalid, for the named field only.
  for (const v of violations) {
    if (validateBody(v.body) || validateBody.issues[0]?.property !== v.param) {
      throw new Error(`violation generator produced a wrong case for ${v.rule}`);
    }
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
