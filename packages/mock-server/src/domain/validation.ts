// Request validators compiled once from the spec, plus the image-URL rule a schema cannot say.
import { spec } from '@videotask/spec';
import { type CompiledValidator, createSpecValidator, deref } from '@videotask/spec/validator';

export interface RequestValidators {
  /** The create body, with defaults filled in (duration 10, remove_watermark true, aspect_ratio 16:9). */
  createBody: CompiledValidator;
  /** The same, but `callback_url` may be http:// too (allowLocalCallbacks). */
  createBodyLocal: CompiledValidator;
  /** The `Idempotency-Key` header. */
  idempotencyKey: CompiledValidator;
  /** The `task_id` path parameter. */
  taskId: CompiledValidator;
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

interface Parameter {
  name: string;
  in: string;
  schema: unknown;
}

function parameter(operationId: string, name: string, validator: ReturnType<typeof createSpecValidator>) {
  const { operation } = validator.operation(operationId);
  for (const ref of (operation.parameters as unknown[] | undefined) ?? []) {
    const param = deref<Parameter>(spec, ref);
    if (param.name === name) return validator.compile(param.schema);
  }
  throw new Error(`The spec has no parameter ${name} on ${operationId}`);
}

function compile(): RequestValidators {
  const validator = createSpecValidator({ useDefaults: true });
  // Every model's body refers to one CallbackUrl schema: widened here to http(s) for local callbacks.
  const localSpec = structuredClone(spec);
  const callbackUrl = localSpec.components.schemas.CallbackUrl as Record<string, unknown>;
  callbackUrl.pattern = '^[Hh][Tt][Tt][Pp][Ss]?://';
  callbackUrl['x-pattern-description'] = 'be an http(s) URL';
  return {
    createBody: validator.requestBody('createVideoGeneration'),
    createBodyLocal: createSpecValidator({ useDefaults: true }, localSpec).requestBody(
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
