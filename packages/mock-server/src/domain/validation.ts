// Request validators compiled once from the spec, plus the image-URL rule a schema cannot say.
import { adminSpec, spec } from '@videotask/spec';
import {
  type AdminRequestValidators,
  adminRequestValidators,
  compileAdminValidators,
} from '@videotask/spec/admin-validator';
import {
  type CompiledValidator,
  createSpecValidator,
  deref,
  type ValidationIssue,
} from '@videotask/spec/validator';

export interface RequestValidators {
  /** The create body, with its model's defaults filled in. */
  createBody: CompiledValidator;
  /** The same, but `callback_url` may be http:// too (allowLocalCallbacks). */
  createBodyLocal: CompiledValidator;
  /** The `Idempotency-Key` header. */
  idempotencyKey: ParameterCheck;
  /** The `task_id` path parameter. */
  taskId: ParameterCheck;
  /** GET /v1/tasks's query (given as strings: converted in place, page and page_size filled in). */
  taskListQuery: CompiledValidator;
  /** POST /v1/tasks/batch's body. */
  taskBatch: CompiledValidator;
}

let shared: RequestValidators | undefined;

/** Compiles the validators on first use and shares them with every server in this process. */
export function requestValidators(): RequestValidators {
  shared ??= compile();
  return shared;
}

/** A parameter's check: null when the value is valid, else the first rule it breaks, said of the parameter. */
export type ParameterCheck = (value: unknown) => string | null;

interface Parameter {
  name: string;
  in: string;
  schema: unknown;
}

function parameter(
  operationId: string,
  name: string,
  validator: ReturnType<typeof createSpecValidator>,
): ParameterCheck {
  const { operation } = validator.operation(operationId);
  for (const ref of (operation.parameters as unknown[] | undefined) ?? []) {
    const param = deref<Parameter>(spec, ref);
    if (param.name !== name) continue;
    const validate = validator.compile(param.schema);
    // A failed validation always has an issue (the validator maps each of Ajv's errors to one).
    return (value) => (validate(value) ? null : `${name} ${(validate.issues[0] as ValidationIssue).rule}`);
  }
  throw new Error(`The spec has no parameter ${name} on ${operationId}`);
}

/**
 * A copy of a spec whose CallbackUrl schema allows http:// too (allowLocalCallbacks). Every model's
 * body and the admin redeliver `url` refer to that one schema, so this is the one place it widens.
 */
function withLocalCallbacks<T extends { components: { schemas: Record<string, unknown> } }>(document: T): T {
  const copy = structuredClone(document);
  const callbackUrl = copy.components.schemas.CallbackUrl as Record<string, unknown>;
  callbackUrl.pattern = '^[Hh][Tt][Tt][Pp][Ss]?://';
  callbackUrl['x-pattern-description'] = 'be an http(s) URL';
  return copy;
}

let sharedLocalAdmin: AdminRequestValidators | undefined;

/** The admin API's validators; with `allowLocal`, a redeliver `url` may be http:// as a callback_url may. */
export function adminValidators(allowLocal: boolean): AdminRequestValidators {
  if (!allowLocal) return adminRequestValidators();
  sharedLocalAdmin ??= compileAdminValidators(withLocalCallbacks(adminSpec));
  return sharedLocalAdmin;
}

function compile(): RequestValidators {
  const validator = createSpecValidator({ useDefaults: true });
  return {
    createBody: validator.requestBody('createVideoGeneration'),
    createBodyLocal: createSpecValidator({ useDefaults: true }, withLocalCallbacks(spec)).requestBody(
      'createVideoGeneration',
    ),
    idempotencyKey: parameter('createVideoGeneration', 'Idempotency-Key', validator),
    taskId: parameter('getTaskDetail', 'task_id', validator),
    taskListQuery: validator.query('listTasks'),
    taskBatch: validator.requestBody('getTasksBatch'),
  };
}

const IMAGE_PATH = /\.(jpe?g|png|webp)$/i;

/** The spec's pattern checks the text; this checks the parsed URL's path really ends in an image extension. */
export function checkImageUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL';
  if (!IMAGE_PATH.test(url.pathname)) return 'must be a URL whose path ends in .jpg, .jpeg, .png or .webp';
  return null;
}
