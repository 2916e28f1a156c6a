// Walks the spec's schemas beside a value: which branch of a oneOf it is, which fields the spec names, who declares them.
import type { OpenApiDocument } from '@videotask/spec';
import type { SpecValidator } from '@videotask/spec/validator';

type Schema = Record<string, unknown>;
const SCHEMAS_PREFIX = '#/components/schemas/';

/** A schema with the name of the component it came from (the last `$ref` followed), if any. */
export interface Named {
  schema: Schema;
  name: string | undefined;
}

export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A short, readable sample of a value for the report's "seen" column. */
export function sample(value: unknown, max = 40): string {
  const text = value === undefined ? '(absent)' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export class SchemaWalker {
  constructor(
    private readonly doc: OpenApiDocument,
    private readonly validator: SpecValidator,
  ) {}

  /** Follows `$ref`s to components.schemas, keeping the last component name. */
  deref(node: unknown, name?: string): Named {
    let schema = (node ?? {}) as Schema;
    let current = name;
    for (let depth = 0; typeof schema.$ref === 'string' && depth < 32; depth++) {
      const ref = schema.$ref as string;
      if (!ref.startsWith(SCHEMAS_PREFIX)) break;
      current = ref.slice(SCHEMAS_PREFIX.length);
      schema = (this.doc.components.schemas[current] ?? {}) as Schema;
    }
    return { schema, name: current };
  }

  /** How many issues the spec's validator finds for a value against a schema (fewest = closest). */
  private issueCount(schema: unknown, value: unknown, ignore?: string): number {
    const validate = this.validator.compile(schema);
    return validate(value) ? 0 : validate.issues.filter((i) => i.path !== ignore).length;
  }

  /**
   * The branch of a oneOf/anyOf the value is: by the discriminator's mapping, else the closest
   * branch. `unknownTag` is set when the discriminator's value is not in the mapping.
   */
  pickBranch(
    node: Named,
    value: unknown,
  ): { branch: Named; unknownTag?: { property: string; tag: unknown; allowed: string[] } } {
    const branches = (node.schema.oneOf ?? node.schema.anyOf) as unknown[];
    const discriminator = node.schema.discriminator as
      | { propertyName: string; mapping?: Record<string, string> }
      | undefined;
    const tag = discriminator && (value as Record<string, unknown> | null)?.[discriminator.propertyName];
    const target = discriminator?.mapping && typeof tag === 'string' ? discriminator.mapping[tag] : undefined;
    if (target) return { branch: this.deref({ $ref: target }) };
    const ignore = discriminator ? `/${escapePointer(discriminator.propertyName)}` : undefined;
    const scored = branches.map((b) => ({ b, n: this.issueCount(b, value, ignore) }));
    scored.sort((x, y) => x.n - y.n);
    const branch = this.deref(scored[0]?.b);
    if (!discriminator || tag === undefined) return { branch };
    const allowed = Object.keys(discriminator.mapping ?? {});
    return { branch, unknownTag: { property: discriminator.propertyName, tag, allowed } };
  }

  /** The schema that applies to the value: refs followed, oneOf/anyOf resolved to one branch. */
  concrete(node: unknown, value: unknown, name?: string): Named {
    let current = this.deref(node, name);
    for (let depth = 0; (current.schema.oneOf || current.schema.anyOf) && depth < 8; depth++) {
      current = this.pickBranch(current, value).branch;
    }
    return current;
  }

  /** The schema and its allOf members (each resolved), outermost first. */
  members(node: unknown, value: unknown, name?: string): Named[] {
    const self = this.concrete(node, value, name);
    const out: Named[] = [self];
    for (const member of (self.schema.allOf as unknown[] | undefined) ?? []) {
      out.push(...this.members(member, value, self.name));
    }
    return out;
  }

  /**
   * The fields the spec names for an object value, each with its schema(s) and the component that
   * declares it; `open` is false when the schema forbids other fields (then the validator reports them).
   */
  properties(
    node: unknown,
    value: unknown,
  ): { fields: Map<string, Named[]>; owner: string | undefined; open: boolean } {
    const fields = new Map<string, Named[]>();
    let owner: string | undefined;
    let open = true;
    for (const member of this.members(node, value)) {
      const props = member.schema.properties as Record<string, unknown> | undefined;
      if (member.schema.additionalProperties === false || member.schema.unevaluatedProperties === false)
        open = false;
      if (!props) continue;
      owner ??= member.name;
      for (const [key, child] of Object.entries(props)) {
        fields.set(key, [...(fields.get(key) ?? []), { schema: child as Schema, name: member.name }]);
      }
    }
    return { fields, owner, open };
  }

  /** One schema from several that apply together (a field declared in two allOf members). */
  static combine(list: Named[]): unknown {
    return list.length === 1 ? list[0]?.schema : { allOf: list.map((n) => n.schema) };
  }

  /** The schemas (with their component names) that apply at a pointer of the value, e.g. `/error/code` → TaskFailureCode. */
  at(node: unknown, value: unknown, pointer: string): Named[] {
    let schemas: unknown[] = [node];
    let current = value;
    const keys = pointer
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    for (const key of keys) {
      const next: unknown[] = [];
      for (const schema of schemas) {
        for (const member of this.members(schema, current)) {
          const props = member.schema.properties as Record<string, unknown> | undefined;
          if (props?.[key] !== undefined) next.push(props[key]);
          if (/^\d+$/.test(key) && member.schema.items !== undefined) next.push(member.schema.items);
        }
      }
      schemas = next;
      current = (current as Record<string, unknown> | undefined)?.[key];
    }
    return schemas.flatMap((schema) => this.members(schema, current));
  }

  /** The first component name among the schemas at a pointer, for "what to add" lines. */
  nameAt(node: unknown, value: unknown, pointer: string): string | undefined {
    return this.at(node, value, pointer).find((n) => n.name)?.name;
  }
}
