// @videotask/mock-server/admin-client: a typed client of the mock's admin API (/__mock/), for tests
// in other repositories. Web APIs only: it runs in Node, browsers, Deno and Bun.
import type { components, paths } from '@videotask/spec/admin-types';
import createClient, { type Client } from 'openapi-fetch';
import { envelopeError, MockAdminError } from './errors.js';

export { MockAdminError } from './errors.js';

/** The admin API's schemas by name, e.g. `AdminSchemas['AdminTask']`. */
export type AdminSchemas = components['schemas'];
type S = AdminSchemas;
export type AdminPaths = paths;

export interface MockAdminClientOptions {
  /** Where the mock listens, e.g. `http://127.0.0.1:4010` (no `/__mock`). */
  baseUrl: string;
  /** The mock's `--admin-token`, sent as `Authorization: Bearer <token>`. */
  adminToken?: string;
  /** fetch to use (default globalThis.fetch); pass an in-process mock's `mock.fetch` to skip the network. */
  fetch?: (input: Request) => Promise<Response>;
}

export interface TaskFilter {
  /** Only tasks in this status now. */
  status?: S['TaskStatus'];
  /** Only this API key's tasks. */
  apiKey?: string;
  /** The most tasks returned, newest first (1–1000, default 100). */
  limit?: number;
}

export interface MockAdminClient {
  /** The openapi-fetch client, typed for every admin route: `raw.GET('/__mock/config')`. */
  readonly raw: Client<paths>;
  /** Moves a manual clock forward, firing the callbacks due on the way. */
  advanceClock(ms: number): Promise<S['ClockAdvanced']>;
  clock(): Promise<S['ClockState']>;
  /** Sets the clock to `at` (ms since epoch or an ISO date; 409 before the newest task's creation). */
  setClock(at: number | string | Date): Promise<S['ClockState']>;
  /** Makes a real clock run `factor` times wall speed (409 on a manual clock). */
  scaleClock(factor: number): Promise<S['ClockState']>;
  /** Pauses a real clock (409 on a manual clock). */
  pauseClock(): Promise<S['ClockState']>;
  resumeClock(): Promise<S['ClockState']>;
  /** Puts the clock back at its start (409 before the newest task's creation). */
  resetClock(): Promise<S['ClockState']>;
  /** Stored tasks, newest first. */
  tasks(filter?: TaskFilter): Promise<S['AdminTask'][]>;
  task(id: string): Promise<S['AdminTask']>;
  /** Callback attempts, oldest first (only this task's when given). */
  deliveries(taskId?: string): Promise<S['DeliveryAttempt'][]>;
  /** Waits until no callback attempt is in flight (false when `timeoutMs` passed first). */
  deliveriesIdle(timeoutMs?: number): Promise<boolean>;
  /** Makes the next API requests fail or slow down; answers the fault added. */
  injectFault(spec: S['FaultSpec']): Promise<S['Fault']>;
  faults(): Promise<S['Fault'][]>;
  clearFaults(): Promise<void>;
  /** The chaos profile in force (null: none), its seed and draws, and every profile. */
  chaos(): Promise<S['ChaosState']>;
  /** Puts a chaos profile in force, its decisions seeded by `seed` (default the server's). */
  setChaos(profile: S['ChaosProfile'], seed?: string): Promise<S['ChaosState']>;
  /** No chaos profile in force. */
  clearChaos(): Promise<S['ChaosState']>;
  /** Sets what a key has left; answers its balance as GET /v1/credits shows it. */
  setCredits(apiKey: string, credits: number): Promise<S['CreditsResponse']>;
  /** The served models and their states. */
  models(): Promise<S['ModelStateEntry'][]>;
  /** Sets a served model's state (`null`: as the start options say); answers that model. */
  setModelState(model: string, state: S['SetModelStateRequest']['state']): Promise<S['ModelStateEntry']>;
  /** Ends a running task as failed / request_cancelled (409 once it has ended). */
  cancel(id: string): Promise<S['AdminTask']>;
  /** Sends a finished task's callback again, altered as `mutate` says, to its callback_url or `url`. */
  redeliver(id: string, mutate?: S['RedeliverMutation'], url?: string): Promise<S['RedeliverAccepted']>;
  /** Forgets tasks, credits, deliveries and faults; puts the clock back at its start. */
  reset(): Promise<S['ResetResult']>;
  /** Creates `count` tasks at once (or as the request says); answers them. */
  seed(request: number | S['SeedRequest']): Promise<S['AdminTask'][]>;
  config(): Promise<S['MockConfig']>;
}

/** The body of a 2xx answer; any other answer throws a MockAdminError with the API's message. */
async function ok<T>(what: string, call: Promise<{ data?: T; error?: unknown; response: Response }>) {
  const { data, error, response } = await call;
  if (!response.ok) throw new MockAdminError(response.status, envelopeError(error), what);
  return data as T;
}

type ClockMethods = Pick<
  MockAdminClient,
  'advanceClock' | 'clock' | 'setClock' | 'scaleClock' | 'pauseClock' | 'resumeClock' | 'resetClock'
>;

/** The clock's routes: read it, and its verbs. */
function clockMethods(raw: Client<paths>): ClockMethods {
  return {
    advanceClock: (ms) => ok('advanceClock', raw.POST('/__mock/clock/advance', { body: { ms } })),
    clock: () => ok('clock', raw.GET('/__mock/clock')),
    setClock: (at) =>
      ok(
        'setClock',
        raw.POST('/__mock/clock/set', { body: { at: at instanceof Date ? at.toISOString() : at } }),
      ),
    scaleClock: (factor) => ok('scaleClock', raw.POST('/__mock/clock/scale', { body: { factor } })),
    pauseClock: () => ok('pauseClock', raw.POST('/__mock/clock/pause')),
    resumeClock: () => ok('resumeClock', raw.POST('/__mock/clock/resume')),
    resetClock: () => ok('resetClock', raw.POST('/__mock/clock/reset')),
  };
}

export function createMockAdminClient(options: MockAdminClientOptions): MockAdminClient {
  const raw = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.adminToken ? { headers: { authorization: `Bearer ${options.adminToken}` } } : {}),
  });
  const task = (id: string) => ({ params: { path: { id } } });
  return {
    raw,
    ...clockMethods(raw),
    tasks: async ({ status, apiKey, limit } = {}) => {
      const query = { status, api_key: apiKey, limit };
      return (await ok('tasks', raw.GET('/__mock/tasks', { params: { query } }))).data;
    },
    task: (id) => ok('task', raw.GET('/__mock/tasks/{id}', task(id))),
    deliveries: async (taskId) => {
      const query = taskId === undefined ? {} : { task_id: taskId };
      return (await ok('deliveries', raw.GET('/__mock/deliveries', { params: { query } }))).data;
    },
    deliveriesIdle: async (timeoutMs) => {
      const body = timeoutMs === undefined ? {} : { timeoutMs };
      return (await ok('deliveriesIdle', raw.POST('/__mock/deliveries/idle', { body }))).idle;
    },
    injectFault: async (spec) => (await ok('injectFault', raw.POST('/__mock/faults', { body: spec }))).fault,
    faults: async () => (await ok('faults', raw.GET('/__mock/faults'))).data,
    clearFaults: async () => {
      await ok('clearFaults', raw.DELETE('/__mock/faults'));
    },
    chaos: () => ok('chaos', raw.GET('/__mock/chaos')),
    setChaos: (profile, seed) =>
      ok(
        'setChaos',
        raw.PUT('/__mock/chaos', { body: seed === undefined ? { profile } : { profile, seed } }),
      ),
    clearChaos: () => ok('clearChaos', raw.DELETE('/__mock/chaos')),
    setCredits: (apiKey, credits) =>
      ok('setCredits', raw.POST('/__mock/credits', { body: { apiKey, credits } })),
    models: async () => (await ok('models', raw.GET('/__mock/models'))).data,
    setModelState: async (model, state) =>
      (await ok('setModelState', raw.POST('/__mock/models', { body: { model, state } }))).model,
    cancel: (id) => ok('cancel', raw.POST('/__mock/tasks/{id}/cancel', task(id))),
    redeliver: (id, mutate = 'none', url) =>
      ok(
        'redeliver',
        raw.POST('/__mock/tasks/{id}/redeliver', {
          ...task(id),
          body: url === undefined ? { mutate } : { mutate, url },
        }),
      ),
    reset: () => ok('reset', raw.POST('/__mock/reset')),
    seed: async (request) => {
      const body = typeof request === 'number' ? { count: request } : request;
      return (await ok('seed', raw.POST('/__mock/seed', { body }))).data;
    },
    config: () => ok('config', raw.GET('/__mock/config')),
  };
}
