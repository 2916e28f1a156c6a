// Demo data: realistic tasks across statuses and times, made by the fixtures' faker and created through
// the mock's own create path (back-dated), so they bill, list, read, cancel, expire and call back like any task.
import { type CreateBody, requestFacts } from '../domain/create-body.js';
import { TASK_STATUSES, type TaskStatus } from '../domain/lifecycle.js';
import { parseScenario, type Scenario } from '../domain/scenarios.js';
import { requestValidators } from '../domain/validation.js';
import { ageWindow, pickEnding } from '../fixtures/ages.js';
import { seededFaker } from '../fixtures/faker.js';
import { drawRequest } from '../fixtures/request.js';
import { taskView } from './admin-tasks.js';
import { callbackUrlCheck } from './callbacks.js';
import type { CoreContext } from './context.js';
import { ok, type Result, refuse } from './result.js';
import { insertSeeded } from './task-commands.js';
import type { AdminTask } from './views.js';

export interface SeedOptions {
  /** How many tasks, 1 to MAX_SEED_TASKS. */
  count: number;
  /** The statuses the tasks are given in turn (task i gets statuses[i mod n]; default all four). */
  statuses?: readonly TaskStatus[];
  /** Whose tasks they are (default the first accepted API key, or DEFAULT_SEED_API_KEY). */
  apiKey?: string;
  /** In-process only: unfinished seeded tasks call back here when they end (default: no callback_url, no callbacks). */
  callbackUrl?: string;
}

export const MAX_SEED_TASKS = 1000;
/** The key seeded tasks belong to when the mock accepts any bearer token. */
export const DEFAULT_SEED_API_KEY = 'sk-mock';

/** Why the options cannot be seeded, or null. */
export function seedProblem(
  core: CoreContext,
  options: SeedOptions,
): { message: string; param: string } | null {
  const { count, statuses, apiKey } = options;
  if (!Number.isInteger(count) || count < 1 || count > MAX_SEED_TASKS) {
    return { message: `count must be an integer from 1 to ${MAX_SEED_TASKS}`, param: 'count' };
  }
  if (statuses !== undefined && (!statuses.length || statuses.some((s) => !TASK_STATUSES.includes(s)))) {
    return {
      message: `statuses must be a non-empty list of: ${TASK_STATUSES.join(', ')}`,
      param: 'statuses',
    };
  }
  if (apiKey !== undefined && (typeof apiKey !== 'string' || !apiKey || /\s/.test(apiKey))) {
    return { message: 'apiKey must be a non-empty string without spaces', param: 'apiKey' };
  }
  if (apiKey !== undefined && core.options.apiKeys && !core.options.apiKeys.has(apiKey)) {
    return { message: 'apiKey must be one of the API keys the mock accepts', param: 'apiKey' };
  }
  if (options.callbackUrl !== undefined && !callbackUrlCheck(core, options.callbackUrl).ok) {
    return { message: 'callbackUrl is not a callback URL the mock accepts', param: 'callbackUrl' };
  }
  return null;
}

/** Each core's seed calls are numbered, so a second call seeds different (but still repeatable) tasks. */
const calls = new WeakMap<CoreContext, number>();

interface PlannedTask {
  createdAt: number;
  body: CreateBody;
  scenario: Scenario;
}

function plan(core: CoreContext, options: SeedOptions, statuses: readonly TaskStatus[]): PlannedTask[] {
  const call = calls.get(core) ?? 0;
  calls.set(core, call + 1);
  const f = seededFaker(`${core.options.seed}:seed:${call}`);
  const now = core.now();
  const validate = core.options.allowLocalCallbacks
    ? requestValidators().createBodyLocal
    : requestValidators().createBody;
  const planned: PlannedTask[] = [];
  for (let i = 0; i < options.count; i++) {
    const status = statuses[i % statuses.length] as TaskStatus;
    const running = status === 'pending' || status === 'processing';
    const body: Record<string, unknown> = { ...drawRequest(f, { callback: false }) };
    if (running && options.callbackUrl) body.callback_url = options.callbackUrl;
    // The create path's own validation (defaults filled in): a seeded body is one the API would accept.
    if (!validate(body)) throw new Error(`seed drew an invalid body: ${validate.issues[0]?.message}`);
    const request = body as unknown as CreateBody;
    const ending = pickEnding(f, status);
    const { duration, image, pace } = requestFacts(request);
    const [minAge, maxAge] = ageWindow(status, {
      duration,
      image,
      pace,
      speed: core.options.speed,
      ...ending,
    });
    const scenario = parseScenario(ending.outcome === 'completed' ? 'success' : `fail:${ending.failureCode}`);
    if (typeof scenario === 'string') throw new Error(scenario);
    planned.push({
      createdAt: now - f.number.int({ min: minAge, max: maxAge - 1 }),
      body: request,
      scenario,
    });
  }
  // Oldest first, as if they had arrived over time: lists show the newest on top.
  return planned.sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Creates `count` realistic tasks through the mock's create path, back-dated so that each reads as
 * its status now. Seeded tasks cost no credits (the admin spec's rule): the store inserts them free.
 */
export async function seedTasks(core: CoreContext, options: SeedOptions): Promise<Result<AdminTask[]>> {
  const problem = seedProblem(core, options);
  if (problem) return refuse('invalid_request', problem.message, problem.param);
  const apiKey = options.apiKey ?? core.options.apiKeys?.values().next().value ?? DEFAULT_SEED_API_KEY;
  let planned: PlannedTask[];
  try {
    planned = plan(core, options, options.statuses ?? TASK_STATUSES);
  } catch (error) {
    // A speed at which no task of a status can exist (its timings would pass the 24 h retention).
    if (error instanceof RangeError) return refuse('conflict', error.message);
    throw error;
  }
  const views: AdminTask[] = [];
  for (const { createdAt, body, scenario } of planned) {
    views.push(await taskView(core, await insertSeeded(core, { apiKey, body, scenario, createdAt })));
  }
  return ok(views);
}
