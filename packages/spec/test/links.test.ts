// The OpenAPI links of both documents point at real operations and parameters, and every runtime
// expression in them finds a value in the response's examples (so link-aware tools can chain calls).
import { describe, expect, test } from 'vitest';
import { adminSpec, spec } from '../src/index.js';
import { deref } from '../src/validator.js';

interface Parameter {
  name: string;
  in: string;
}
interface Operation {
  operationId: string;
  parameters?: unknown[];
  responses: Record<string, unknown>;
}
interface Link {
  operationId: string;
  parameters?: Record<string, string>;
  requestBody?: unknown;
}
interface Response {
  links?: Record<string, Link>;
  content?: Record<string, { examples?: Record<string, unknown> }>;
}

function operations(doc: { paths: object }): Operation[] {
  return Object.values(doc.paths).flatMap((item) =>
    Object.values(item as Record<string, Operation>).filter((op) => op?.operationId),
  );
}

const parameters = (doc: unknown, op: Operation) =>
  (op.parameters ?? []).map((ref) => deref<Parameter>(doc, ref));

/** A JSON pointer (`/data/0/task/id`) read from a value. */
function at(value: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

/** Every runtime expression in a link's parameters and request body. */
function expressions(link: Link): string[] {
  const inBody = JSON.stringify(link.requestBody ?? null).match(/\$[a-z]+\.[^"}]+/g) ?? [];
  return [...Object.values(link.parameters ?? {}), ...inBody];
}

describe.each([
  ['openapi.yaml', spec],
  ['mock-admin.yaml', adminSpec],
])('links in %s', (_name, doc) => {
  const ops = operations(doc);
  const byId = new Map(ops.map((op) => [op.operationId, op]));
  const links = ops.flatMap((source) =>
    Object.entries(source.responses).flatMap(([status, ref]) => {
      const response = deref<Response>(doc, ref);
      return Object.entries(response.links ?? {}).map(([name, link]) => ({
        source,
        status,
        name,
        link,
        response,
      }));
    }),
  );

  test('there are links, each to an operation of this document with parameters it has', () => {
    expect(links.length).toBeGreaterThan(0);
    for (const { source, name, link } of links) {
      const target = byId.get(link.operationId);
      expect(target, `${source.operationId} → ${name}`).toBeDefined();
      const names = parameters(doc, target as Operation).map((p) => p.name);
      for (const parameter of Object.keys(link.parameters ?? {})) expect(names).toContain(parameter);
    }
  });

  test('each expression names a path parameter of its operation or a value in every example', () => {
    for (const { source, status, name, link, response } of links) {
      for (const expression of expressions(link)) {
        const where = `${source.operationId} ${status} → ${name}: ${expression}`;
        const path = /^\$request\.path\.(.+)$/.exec(expression);
        if (path) {
          const own = parameters(doc, source).filter((p) => p.in === 'path');
          expect(
            own.map((p) => p.name),
            where,
          ).toContain(path[1]);
          continue;
        }
        const body = /^\$response\.body#(\/.*)$/.exec(expression);
        expect(body, where).not.toBeNull();
        const examples = Object.values(response.content?.['application/json']?.examples ?? {});
        expect(examples.length, where).toBeGreaterThan(0);
        for (const example of examples) {
          const value = deref<{ value: unknown }>(doc, example).value;
          expect(typeof at(value, body?.[1] ?? ''), where).toBe('string');
        }
      }
    }
  });
});

test('every admin task route links on to what a caller does next', () => {
  const linked = new Set(
    operations(adminSpec).flatMap((op) =>
      Object.values(op.responses).some((ref) => deref<Response>(adminSpec, ref).links)
        ? [op.operationId]
        : [],
    ),
  );
  for (const id of ['seedTasks', 'listMockTasks', 'getMockTask', 'cancelMockTask', 'redeliverMockTask'])
    expect(linked).toContain(id);
});
