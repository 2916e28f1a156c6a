// Inlines a schema's local `$ref`s from its OpenAPI document, so a tool's input schema stands alone
// (MCP clients get the schema without the document it came from).

type Json = Record<string, unknown>;

/** The value at a local JSON pointer (`#/components/schemas/X`) of `document`. */
function pointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs can be inlined, got ${ref}`);
  let node = document;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Json | undefined)?.[key];
    if (node === undefined) throw new Error(`No ${ref} in the document`);
  }
  return node;
}

/**
 * A deep copy of `schema` with every `$ref` replaced by what it points to (siblings of a `$ref`, such
 * as a `description`, win over the target's). A cycle throws: a request schema of the admin API has none.
 */
export function inlineRefs(document: unknown, schema: unknown, seen: readonly string[] = []): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inlineRefs(document, item, seen));
  if (!schema || typeof schema !== 'object') return schema;
  const { $ref, ...rest } = schema as Json;
  const own: Json = {};
  for (const [key, value] of Object.entries(rest)) own[key] = inlineRefs(document, value, seen);
  if (typeof $ref !== 'string') return own;
  if (seen.includes($ref)) throw new Error(`The schema refers to itself: ${[...seen, $ref].join(' -> ')}`);
  const target = inlineRefs(document, pointer(document, $ref), [...seen, $ref]) as Json;
  return { ...target, ...own };
}
