// A fast-check arbitrary built from a JSON Schema of the spec, driven by the schema's own keywords:
// a rule added to the spec changes what is generated, and a keyword this converter does not know
// fails loudly instead of being ignored (so the generator can never silently fall behind the spec).
import { spec } from '@videotask/spec';
import { createSpecValidator } from '@videotask/spec/validator';
import fc from 'fast-check';

type Schema = Record<string, unknown>;

/** Keywords that only describe (never constrain) a value. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'examples',
  'example',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
  'x-pattern-description',
  'x-rule-description',
  'x-model-profile',
  // A oneOf's discriminator only names the tag each branch fixes with `const`.
  'discriminator',
]);

/**
 * Cross-field rules (`if`/`then`, `dependentSchemas`, …): values are generated from the properties
 * and kept only when the spec's own validator (no defaults filled in) accepts them.
 */
const CROSS_FIELD = ['if', 'then', 'else', 'allOf', 'dependentSchemas', 'not'];
const plainValidator = createSpecValidator();

/** Keywords the converter turns into generation rules. Anything else throws. */
const HANDLED = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'default',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'items',
  'minItems',
  'maxItems',
  'properties',
  'required',
  'additionalProperties',
  'oneOf',
  ...CROSS_FIELD,
]);

export interface SchemaArbitraryOptions {
  /**
   * The unit strings without a pattern are made of (default: any code point, as JSON allows; a
   * header value needs visible ASCII, say). Lengths count these units, like JSON Schema counts code points.
   */
  stringUnit?: 'binary' | 'grapheme-ascii' | fc.Arbitrary<string>;
  /** Add unknown properties where the schema allows them (default true). */
  extraProperties?: boolean;
}

/** Resolves `#/components/schemas/...` refs against the spec. */
export function resolveRef(input: unknown): Schema {
  let current = input as Schema;
  for (let depth = 0; typeof current.$ref === 'string'; depth++) {
    if (depth > 16) throw new Error(`$ref loop at ${String(current.$ref)}`);
    const ref = current.$ref as string;
    const prefix = '#/components/schemas/';
    if (!ref.startsWith(prefix)) throw new Error(`Only ${prefix} refs are supported, got ${ref}`);
    const target = spec.components.schemas[ref.slice(prefix.length)];
    if (!target) throw new Error(`Unresolved ref ${ref}`);
    current = target as Schema;
  }
  return current;
}

function checkKeywords(schema: Schema, where: string): void {
  for (const key of Object.keys(schema)) {
    if (!HANDLED.has(key) && !ANNOTATIONS.has(key)) {
      throw new Error(
        `schemaArbitrary: keyword "${key}" at ${where} is not handled; teach test/fuzz/schema-arbitrary.ts what it means`,
      );
    }
  }
  if (schema.format !== undefined && schema.format !== 'uri') {
    throw new Error(`schemaArbitrary: format "${String(schema.format)}" at ${where} is not handled`);
  }
}

/** Percent-encodes everything but unreserved characters and `/` (lone surrogates become U+FFFD). */
function encodeUriPart(text: string): string {
  let out = '';
  for (const ch of text) {
    if (/^[A-Za-z0-9\-._~/]$/.test(ch)) out += ch;
    else
      for (const byte of new TextEncoder().encode(ch))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * `format: uri` together with a `pattern`: a string the pattern generates, made a URI with a real
 * host name. The pattern's scheme is kept, a public-looking domain becomes the authority, and the
 * rest (path, then query or fragment from the first `?`/`#`) is percent-encoded. Literal parts of
 * the pattern (a `.png` suffix, say) are unreserved characters and survive encoding.
 */
function graftUri(sample: string, domain: string): string {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/s.exec(sample);
  if (!match) return sample;
  const [, scheme, rest = ''] = match;
  const cut = rest.search(/[?#]/);
  const path = cut < 0 ? rest : rest.slice(0, cut);
  const tail = cut < 0 ? '' : `${rest[cut]}${encodeUriPart(rest.slice(cut + 1))}`;
  return `${scheme}://${domain}/${encodeUriPart(path)}${tail}`;
}

function stringArbitrary(schema: Schema, options: SchemaArbitraryOptions): fc.Arbitrary<string> {
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = schema.maxLength as number | undefined;
  const length = (s: string) => [...s].length;
  const withinLength = (s: string) =>
    length(s) >= minLength && (maxLength === undefined || length(s) <= maxLength);
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined;
  if (schema.format === 'uri') {
    if (pattern) {
      return fc
        .tuple(fc.stringMatching(pattern, { maxLength: maxLength ?? 200 }), fc.domain())
        .map(([sample, domain]) => graftUri(sample, domain))
        .filter(withinLength);
    }
    return fc.webUrl({ withQueryParameters: true, withFragments: true }).filter(withinLength);
  }
  if (pattern) return fc.stringMatching(pattern, { maxLength }).filter(withinLength);
  const unit = options.stringUnit ?? 'binary';
  // Mostly short strings, sometimes long ones, and the exact bounds: both ends of the range get exercised.
  const choices: fc.WeightedArbitrary<string>[] = [
    { weight: 4, arbitrary: fc.string({ unit, minLength, maxLength, size: 'small' }) },
    { weight: 1, arbitrary: fc.string({ unit, minLength, maxLength: minLength }) },
  ];
  if (maxLength !== undefined) {
    choices.push({ weight: 1, arbitrary: fc.string({ unit, minLength, maxLength, size: 'max' }) });
    choices.push({ weight: 1, arbitrary: fc.string({ unit, minLength: maxLength, maxLength }) });
  }
  return fc.oneof(...choices);
}

function numberArbitrary(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum as number | undefined;
  const max = schema.maximum as number | undefined;
  if (integer)
    return fc.integer({ min: min ?? Number.MIN_SAFE_INTEGER, max: max ?? Number.MAX_SAFE_INTEGER });
  return fc.double({ min: min ?? -1e15, max: max ?? 1e15, noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary of values valid against `schema` (a schema of the spec; refs resolve into it). */
export function schemaArbitrary(
  input: unknown,
  options: SchemaArbitraryOptions = {},
  where = '#',
): fc.Arbitrary<unknown> {
  const schema = resolveRef(input);
  checkKeywords(schema, where);
  if (Array.isArray(schema.oneOf)) {
    return fc.oneof(
      ...schema.oneOf.map((branch, i) => schemaArbitrary(branch, options, `${where}/oneOf/${i}`)),
    );
  }
  let arbitrary = valueArbitrary(schema, options, where);
  if (CROSS_FIELD.some((key) => key in schema)) {
    const validate = plainValidator.compile(schema);
    arbitrary = arbitrary.filter((value) => validate(value));
  }
  // A value that has a default is also often the default itself (and its absence is handled by the parent).
  if (schema.default !== undefined) {
    arbitrary = fc.oneof(fc.constant(structuredClone(schema.default)), arbitrary);
  }
  return arbitrary;
}

function valueArbitrary(
  schema: Schema,
  options: SchemaArbitraryOptions,
  where: string,
): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  const arbitraries = types.map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string':
        return stringArbitrary(schema, options);
      case 'integer':
        return numberArbitrary(schema, true);
      case 'number':
        return numberArbitrary(schema, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(schemaArbitrary(schema.items ?? {}, options, `${where}/items`), {
          minLength: (schema.minItems as number | undefined) ?? 0,
          maxLength: (schema.maxItems as number | undefined) ?? 5,
        });
      case 'object':
        return objectArbitrary(schema, options, where);
      default:
        throw new Error(`schemaArbitrary: type ${String(type)} at ${where} is not handled`);
    }
  });
  return arbitraries.length === 1 ? (arbitraries[0] as fc.Arbitrary<unknown>) : fc.oneof(...arbitraries);
}

function objectArbitrary(schema: Schema, options: SchemaArbitraryOptions, where: string) {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const required = (schema.required ?? []) as string[];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, child] of Object.entries(properties)) {
    model[name] = schemaArbitrary(child, options, `${where}/properties/${name}`);
  }
  // Optional properties may be left out (then a default, if any, applies on the server).
  const known = fc.record(model, { requiredKeys: required });
  const extraAllowed = schema.additionalProperties !== false && options.extraProperties !== false;
  if (!extraAllowed) return known;
  const extraValue =
    schema.additionalProperties && typeof schema.additionalProperties === 'object'
      ? schemaArbitrary(schema.additionalProperties, options, `${where}/additionalProperties`)
      : fc.jsonValue({ maxDepth: 2 });
  const extras = fc.dictionary(
    fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !(key in properties) && key !== '__proto__'),
    extraValue,
    { maxKeys: 3 },
  );
  return fc
    .tuple(known, fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extras }))
    .map(([value, extra]) => ({ ...extra, ...value }));
}
