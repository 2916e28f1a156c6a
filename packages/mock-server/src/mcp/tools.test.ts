// The tools are derived from mock-admin.yaml: one per operation, the spec's own schemas, hints from x-effect.
import { readFileSync } from 'node:fs';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { adminSpec, type OpenApiDocument } from '@videotask/spec';
import { describe, expect, test } from 'vitest';
import { ADMIN_ROUTES } from '../http/admin.js';
import { inlineRefs } from './schema.js';
import { adminTools, effectOf } from './tools.js';

const tools = adminTools();
const byName = new Map(tools.map((t) => [t.name, t]));
const schemas = adminSpec.components.schemas as Record<string, { properties: Record<string, unknown> }>;

describe('the tools of the admin API', () => {
  test('one tool per admin route the app serves, by method and path', () => {
    const routes = ADMIN_ROUTES.map(([method, path]) => `${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    expect(tools.map((t) => `${t.method} ${t.path}`).sort()).toEqual([...routes].sort());
    expect(new Set(tools.map((t) => t.name)).size).toBe(tools.length);
  });

  test("a tool's input schema is its operation's, refs inlined, parameters beside body fields", () => {
    for (const tool of tools) expect(JSON.stringify(tool.inputSchema)).not.toContain('$ref');
    const advance = byName.get('advanceMockClock');
    expect(advance?.inputSchema.properties.ms).toEqual(schemas.ClockAdvanceRequest?.properties.ms);
    expect(advance?.inputSchema.required).toEqual(['ms']);
    const redeliver = byName.get('redeliverMockTask');
    expect(Object.keys(redeliver?.inputSchema.properties ?? {})).toEqual(['id', 'mutate', 'url']);
    // The body is optional there, so only the path parameter is required.
    expect(redeliver?.inputSchema.required).toEqual(['id']);
    const list = byName.get('listMockTasks');
    expect(list?.queryParams).toEqual(['status', 'api_key', 'limit']);
    expect(list?.inputSchema.properties.limit).toMatchObject({ minimum: 1, maximum: 1000, default: 100 });
    // The public spec's TaskStatus, through the bundle, with the parameter's own description.
    expect(list?.inputSchema.properties.status).toEqual({
      ...schemas.TaskStatus,
      description: 'Only tasks in this status now.',
    });
  });

  test('hints: every GET reads; the others as their x-effect says, which each declares', () => {
    for (const tool of tools) {
      expect(tool.annotations.readOnlyHint).toBe(tool.effect === 'read');
      expect(tool.annotations.destructiveHint).toBe(tool.effect === 'destructive');
      if (tool.method === 'GET') expect(tool.effect).toBe('read');
    }
    for (const item of Object.values(adminSpec.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (method !== 'get') expect(operation).toHaveProperty('x-effect');
      }
    }
    expect(byName.get('waitForMockDeliveries')?.annotations.readOnlyHint).toBe(true);
    expect(byName.get('resetMock')?.annotations.destructiveHint).toBe(true);
    expect(byName.get('seedTasks')?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: false,
    });
    expect(effectOf('post', {})).toBe('destructive');
  });

  test("every input schema compiles in the SDK's JSON Schema validator and takes the spec's body examples", () => {
    const ajv = new AjvJsonSchemaValidator();
    const examples = adminSpec.components.examples as Record<string, { value: unknown }>;
    let checked = 0;
    for (const [path, item] of Object.entries(adminSpec.paths)) {
      for (const [method, op] of Object.entries(item) as [string, Record<string, unknown>][]) {
        const tool = tools.find((t) => t.path === path && t.method === method.toUpperCase());
        const validate = ajv.getValidator(tool?.inputSchema as Parameters<typeof ajv.getValidator>[0]);
        const body = op.requestBody as {
          content?: Record<string, { examples?: Record<string, { $ref: string }> }>;
        };
        for (const { $ref } of Object.values(body?.content?.['application/json']?.examples ?? {})) {
          const value = examples[$ref.split('/').pop() as string]?.value as Record<string, unknown>;
          const args = tool?.pathParams.length ? { ...value, id: 'task-1' } : value;
          expect(validate(args), `${tool?.name}: ${$ref}`).toMatchObject({ valid: true });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    const advance = ajv.getValidator(byName.get('advanceMockClock')?.inputSchema as never);
    expect(advance({ ms: -1 })).toMatchObject({ valid: false });
    expect(advance({})).toMatchObject({ valid: false });
  });

  test('a description is the summary, then the description', () => {
    expect(byName.get('getMockClock')?.description).toMatch(/^Read the clock\n\nThe clock's mode and time/);
  });

  test('a new operation in the spec is a new tool, with nothing else to change', () => {
    const widened = structuredClone(adminSpec) as OpenApiDocument;
    widened.paths['/__mock/clock/pause'] = {
      post: {
        operationId: 'pauseMockClock',
        summary: 'Pause the clock',
        'x-effect': 'destructive',
        responses: {},
      },
    };
    const pause = adminTools(widened).find((t) => t.name === 'pauseMockClock');
    expect(pause).toMatchObject({ method: 'POST', path: '/__mock/clock/pause', hasBody: false });
    expect(pause?.annotations.destructiveHint).toBe(true);
  });

  test('a body field that is also a parameter is refused when deriving', () => {
    const clash = structuredClone(adminSpec) as OpenApiDocument;
    const redeliver = clash.paths['/__mock/tasks/{id}/redeliver']?.post as { requestBody: unknown };
    redeliver.requestBody = {
      content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } },
    };
    expect(() => adminTools(clash)).toThrow(/redeliverMockTask: body field id is also a parameter/);
  });
});

describe('inlineRefs', () => {
  const doc = {
    components: {
      schemas: { A: { type: 'string', description: 'a' }, B: { $ref: '#/components/schemas/B' } },
    },
  };

  test("a ref's siblings win over its target's keywords", () => {
    expect(inlineRefs(doc, { items: { $ref: '#/components/schemas/A', description: 'own' } })).toEqual({
      items: { type: 'string', description: 'own' },
    });
  });

  test('a cycle, a missing target and a remote ref throw', () => {
    expect(() => inlineRefs(doc, { $ref: '#/components/schemas/B' })).toThrow(/refers to itself/);
    expect(() => inlineRefs(doc, { $ref: '#/components/schemas/C' })).toThrow(/No #\/components\/schemas\/C/);
    expect(() => inlineRefs(doc, { $ref: 'other.yaml#/X' })).toThrow(/Only local/);
  });
});

describe("the README's tool table", () => {
  test('lists every derived tool with its effect and summary, in order', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## MCP'), readme.indexOf('## Admin client'));
    const rows = [...section.matchAll(/^\| `(\w+)` +\| ([\w-]+) +\| (.+?) +\|$/gm)].map((m) => m.slice(1));
    const label = (effect: string) => (effect === 'read' ? 'read-only' : effect);
    expect(rows).toEqual(tools.map((t) => [t.name, label(t.effect), t.title]));
  });
});
