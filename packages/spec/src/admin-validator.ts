// Request validators for every admin operation, compiled from mock-admin.yaml: bodies and query parameters.
import type { operations } from './generated/mock-admin.generated.js';
import { adminSpec } from './index.js';
import { type CompiledValidator, createSpecValidator } from './validator.js';

type Operations = operations;
type OperationId = keyof Operations;
type Present<T> = [NonNullable<T>] extends [never] ? false : true;

/** The admin operations that take a JSON body, and that body's type. */
type BodyOf<Op extends OperationId> =
  NonNullable<Operations[Op]['requestBody']> extends {
    content: { 'application/json': infer Body };
  }
    ? Body
    : never;
export type AdminBodyOperation = {
  [Op in OperationId]: Present<Operations[Op]['requestBody']> extends true ? Op : never;
}[OperationId];

/** The admin operations that take query parameters, and their (typed) values. */
type QueryOf<Op extends OperationId> = NonNullable<Operations[Op]['parameters']['query']>;
export type AdminQueryOperation = {
  [Op in OperationId]: Present<Operations[Op]['parameters']['query']> extends true ? Op : never;
}[OperationId];

export interface AdminRequestValidators {
  /** A validator per operation with a JSON body, by operationId; defaults are filled in on a pass. */
  body: { [Op in AdminBodyOperation]: CompiledValidator<BodyOf<Op>> };
  /**
   * A validator per operation with query parameters, by operationId. Give it the query as an
   * object of strings; on a pass it holds typed values with defaults filled in (`limit` → 100).
   */
  query: { [Op in AdminQueryOperation]: CompiledValidator<QueryOf<Op>> };
}

let shared: AdminRequestValidators | undefined;

/** Compiles the admin validators on first use and shares them within the process. */
export function adminRequestValidators(): AdminRequestValidators {
  shared ??= compileAdminValidators();
  return shared;
}

/** Compiles the admin validators from a copy of the admin spec (e.g. one with a schema widened). */
export function compileAdminValidators(document: typeof adminSpec = adminSpec): AdminRequestValidators {
  const validator = createSpecValidator({ useDefaults: true }, document);
  const body: Record<string, CompiledValidator> = {};
  const query: Record<string, CompiledValidator> = {};
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as { operationId?: string; requestBody?: unknown }[]) {
      const id = operation?.operationId;
      if (!id) continue;
      if (operation.requestBody) body[id] = validator.requestBody(id);
      const parameters = (operation as { parameters?: { in?: string }[] }).parameters ?? [];
      if (parameters.some((p) => p.in === 'query')) query[id] = validator.query(id);
    }
  }
  return { body, query } as unknown as AdminRequestValidators;
}
