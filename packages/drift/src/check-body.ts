// Checks one JSON body against its schema in the spec: breaking issues from the spec's validator, extra fields by a walk.
import type { SpecValidator, ValidationIssue } from '@videotask/spec/validator';
import type { FindingKind, Observation } from './findings.js';
import { escapePointer, jsonType, SchemaWalker, sample } from './schema.js';

type Json = Record<string, unknown>;

function valueAt(value: unknown, pointer: string): unknown {
  let current = value;
  for (const raw of pointer.split('/').slice(1)) {
    current = (current as Json | undefined)?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return current;
}

function parentOf(pointer: string): { parent: string; key: string } {
  const at = pointer.lastIndexOf('/');
  return {
    parent: pointer.slice(0, at),
    key: pointer
      .slice(at + 1)
      .replace(/~1/g, '/')
      .replace(/~0/g, '~'),
  };
}

function kindOf(issue: ValidationIssue, seen: unknown): FindingKind {
  switch (issue.keyword) {
    case 'required':
      return 'missing-field';
    case 'type':
      return 'wrong-type';
    case 'enum':
      return 'unknown-enum-value';
    case 'const':
      // A string that is not the one the spec allows is an enum of one.
      return typeof seen === 'string' ? 'unknown-enum-value' : 'rule-broken';
    default:
      return 'rule-broken';
  }
}

/** The context every check of one body shares. */
export interface BodyCheck {
  walker: SchemaWalker;
  validator: SpecValidator;
  operation: string;
  schema: unknown;
  body: unknown;
}

function suggestionFor(check: BodyCheck, kind: FindingKind, pointer: string, issue: ValidationIssue): string {
  const { walker, schema, body } = check;
  const seen = valueAt(body, pointer);
  const where = walker.nameAt(schema, body, pointer);
  const { parent, key } = parentOf(pointer);
  const owner = walker.properties(walker.at(schema, body, parent)[0]?.schema, valueAt(body, parent)).owner;
  switch (kind) {
    case 'missing-field':
      return `the API leaves \`${key}\` out: drop it from ${owner ?? 'the schema'}'s required list`;
    case 'wrong-type': {
      const expected = /of type (.+)$/.exec(issue.message)?.[1] ?? 'another type';
      return `${where ?? owner ?? 'the schema'} says ${expected} at ${pointer || '/'}; the API sends ${jsonType(seen)}: allow it (type: [${expected.replace(' or ', ', ')}, ${jsonType(seen)}]) or report it to the vendor`;
    }
    case 'unknown-enum-value':
      return `add ${JSON.stringify(seen)} to ${where ? `${where}.enum` : `the enum at ${pointer}`}`;
    default:
      return `${issue.message} (${where ?? owner ?? 'the schema'}): relax the rule or report it to the vendor`;
  }
}

function issuesOf(check: BodyCheck, schema: unknown): ValidationIssue[] {
  const validate = check.validator.compile(schema);
  return validate(check.body) ? [] : validate.issues;
}

/** The issues every branch has: with an unknown discriminator value no branch is the right one to blame. */
function commonIssues(check: BodyCheck, branches: unknown[]): ValidationIssue[] {
  const [first = [], ...rest] = branches.map((b) => issuesOf(check, b));
  const key = (i: ValidationIssue) => `${i.path}\u0000${i.keyword}`;
  return first.filter((issue) => rest.every((other) => other.some((i) => key(i) === key(issue))));
}

/** Breaking findings from the validator's issues, one per pointer (a wrong type hides its enum). */
function breakingFindings(check: BodyCheck, issues: ValidationIssue[], skip: Set<string>): Observation[] {
  const byPointer = new Map<string, Observation>();
  for (const issue of issues) {
    if (skip.has(issue.path)) continue;
    const seen = valueAt(check.body, issue.path);
    const kind = kindOf(issue, seen);
    const previous = byPointer.get(issue.path);
    if (previous && (previous.kind === 'wrong-type' || previous.kind === 'missing-field')) continue;
    if (previous && kind === 'rule-broken') continue;
    byPointer.set(issue.path, {
      kind,
      operation: check.operation,
      pointer: issue.path,
      seen: kind === 'missing-field' ? '(absent)' : sample(seen),
      suggestion: suggestionFor(check, kind, issue.path, issue),
    });
  }
  return [...byPointer.values()];
}

/** Additive findings: fields of the value the spec does not name, at any depth. */
function extraFields(check: BodyCheck, schema: unknown, value: unknown, pointer: string): Observation[] {
  if (Array.isArray(value)) {
    const items = check.walker.members(schema, value).find((m) => m.schema.items !== undefined)?.schema.items;
    return items === undefined
      ? []
      : value.flatMap((item, i) => extraFields(check, items, item, `${pointer}/${i}`));
  }
  if (value === null || typeof value !== 'object') return [];
  const { fields, owner, open } = check.walker.properties(schema, value);
  const out: Observation[] = [];
  for (const [key, child] of Object.entries(value)) {
    const at = `${pointer}/${escapePointer(key)}`;
    const declared = fields.get(key);
    if (declared) {
      out.push(...extraFields(check, SchemaWalker.combine(declared), child, at));
    } else if (open && fields.size > 0) {
      out.push({
        kind: 'extra-field',
        operation: check.operation,
        pointer: at,
        seen: sample(child),
        suggestion: `add \`${key}\` (${jsonType(child)}) to ${owner ?? 'the schema'}.properties`,
      });
    }
  }
  return out;
}

/** Every finding for one JSON body: an unknown discriminator value first, then the validator's issues, then extra fields. */
export function checkBody(check: BodyCheck): Observation[] {
  const { walker, schema, body } = check;
  const top = walker.deref(schema);
  const out: Observation[] = [];
  let checked: unknown = schema;
  let issues: ValidationIssue[] | undefined;
  const skip = new Set<string>();
  if (top.schema.oneOf || top.schema.anyOf) {
    const { branch, unknownTag } = walker.pickBranch(top, body);
    checked = branch.name ? { $ref: `#/components/schemas/${branch.name}` } : branch.schema;
    if (unknownTag) {
      issues = commonIssues(check, (top.schema.oneOf ?? top.schema.anyOf) as unknown[]);
      const pointer = `/${escapePointer(unknownTag.property)}`;
      skip.add(pointer);
      const enumOwner = walker.nameAt(checked, body, pointer);
      out.push({
        kind: 'unknown-enum-value',
        operation: check.operation,
        pointer,
        seen: sample(unknownTag.tag),
        suggestion: `add ${JSON.stringify(unknownTag.tag)} to ${enumOwner ? `${enumOwner}.enum` : `the enum at ${pointer}`} and a branch for it to ${top.name ?? 'the oneOf'} (discriminator mapping: ${unknownTag.allowed.join(', ')})`,
      });
    }
  }
  const inner = { ...check, schema: checked };
  out.push(...breakingFindings(inner, issues ?? issuesOf(inner, checked), skip));
  out.push(...extraFields(inner, checked, body, ''));
  return out;
}
