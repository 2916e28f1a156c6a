// Finds the schema each named example illustrates, for the typed `example()` and `adminExample()`.
// It fails loudly when an example's schema cannot be named, so the types never fall behind the documents.

type Node = Record<string, unknown>;

const EXAMPLE_PREFIX = '#/components/examples/';
const SCHEMA_PREFIX = '#/components/schemas/';

/** The component schema a media type's `schema` names, narrowed by its discriminator for this value. */
function schemaName(doc: Node, schema: unknown, value: unknown, where: string): string {
  const ref = (schema as { $ref?: unknown } | undefined)?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith(SCHEMA_PREFIX)) {
    throw new Error(`${where}: a named example must illustrate a component schema ($ref), not an inline one`);
  }
  const name = ref.slice(SCHEMA_PREFIX.length);
  const schemas = (doc.components as { schemas: Record<string, Node> }).schemas;
  const discriminator = schemas[name]?.discriminator as
    | { propertyName: string; mapping?: Record<string, string> }
    | undefined;
  const tag = (value as Node | undefined)?.[discriminator?.propertyName ?? ''];
  const target = typeof tag === 'string' ? discriminator?.mapping?.[tag] : undefined;
  return target ? schemaName(doc, { $ref: target }, value, where) : name;
}

/** Example name → the component schema it illustrates, from every `examples` map beside a `schema`. */
export function exampleSchemas(doc: Node): Map<string, string> {
  const found = new Map<string, string>();
  const examples = ((doc.components as Node).examples ?? {}) as Record<string, { value: unknown }>;
  const walk = (node: unknown, where: string): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) walk(child, `${where}/${i}`);
      return;
    }
    const obj = node as Node;
    if (obj.schema && obj.examples && typeof obj.examples === 'object' && !Array.isArray(obj.examples)) {
      for (const ref of Object.values(obj.examples as Record<string, { $ref?: string }>)) {
        if (!ref.$ref?.startsWith(EXAMPLE_PREFIX)) continue;
        const name = ref.$ref.slice(EXAMPLE_PREFIX.length);
        const schema = schemaName(doc, obj.schema, examples[name]?.value, `${where} (${name})`);
        const earlier = found.get(name);
        if (earlier && earlier !== schema) {
          throw new Error(`Example ${name} illustrates both ${earlier} and ${schema}; give each its own`);
        }
        found.set(name, schema);
      }
    }
    for (const [key, child] of Object.entries(obj)) walk(child, `${where}/${key}`);
  };
  walk({ paths: doc.paths, webhooks: doc.webhooks, components: doc.components }, '#');
  for (const name of Object.keys(examples)) {
    if (!found.has(name)) throw new Error(`Example ${name} is not used beside any schema`);
  }
  return found;
}

function interfaceSource(name: string, comment: string, types: string, map: Map<string, string>): string {
  const lines = [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    `/** ${comment} */`,
    `export interface ${name} {`,
    ...lines.map(([example, schema]) => `    ${example}: ${types}["schemas"]["${schema}"];`),
    '}',
  ].join('\n');
}

/** The source of examples.generated.ts for the two bundled documents. */
export function exampleTypesSource(publicDoc: Node, adminDoc: Node, note: string): string {
  return `${[
    `// ${note}`,
    '',
    'import type { components } from "./openapi.generated.js";',
    'import type { components as adminComponents } from "./mock-admin.generated.js";',
    '',
    interfaceSource(
      'Examples',
      'The schema each named example of openapi.yaml illustrates.',
      'components',
      exampleSchemas(publicDoc),
    ),
    '',
    interfaceSource(
      'AdminExamples',
      'The schema each named example of mock-admin.yaml illustrates.',
      'adminComponents',
      exampleSchemas(adminDoc),
    ),
  ].join('\n')}\n`;
}
