// Type-checked (tsc, nodenext) and run (node) in a temporary project that installed the packed
// tarballs: what a repository depending on @videotask/client sees.
import {
  type CompletedTask,
  createVideoTaskClient,
  NotFoundError,
  RateLimitError,
  signCallback,
  TaskFailedError,
  type VideoGenerationRequest,
  type VideoTask,
  VideoTaskError,
  verifyCallback,
} from '@videotask/client';
import { spec } from '@videotask/spec';

const task = {
  created: 1757169743,
  id: 'task-unified-1757169743-7cvnl5zw',
  model: 'sora-2',
  object: 'video.generation.task',
  progress: 100,
  status: 'completed',
  results: ['https://files.example.com/v.mp4'],
  type: 'video',
} satisfies VideoTask;

const client = createVideoTaskClient({
  apiKey: 'sk-consumer',
  baseUrl: 'http://127.0.0.1:4010',
  fetch: async (request) =>
    new URL(request.url).pathname.endsWith(task.id)
      ? Response.json(task)
      : Response.json(
          { error: { code: 'task_not_found', message: 'no', type: 'invalid_request_error' } },
          { status: 404 },
        ),
});

const body: VideoGenerationRequest = { model: 'sora-2', prompt: 'A cat playing piano', duration: 15 };
// @ts-expect-error duration is 10 or 15 (types come from the spec, not `any`)
const badBody: VideoGenerationRequest = { model: 'sora-2', prompt: 'x', duration: 12 };

const done: CompletedTask = await client.waitForTask(task.id);
const url: string = done.results[0] ?? '';

const read = await client.getTask(task.id);
if (read.status === 'failed') {
  const code: 'content_policy_violation' | (string & {}) = read.error.code;
  void code;
}
const missing = await client.getTask('task-unified-0-00000000').catch((e: unknown) => e);
const notFound =
  missing instanceof NotFoundError && missing instanceof VideoTaskError && missing.status === 404;

const rateLimited: number | undefined = new RateLimitError('x').retryAfterMs;
const failed = TaskFailedError.name;

// The raw openapi-fetch client is typed for every path of the spec.
const raw = await client.raw.GET('/v1/tasks/{task_id}', { params: { path: { task_id: task.id } } });
const rawStatus: string | undefined = raw.data?.status;

/** Never called: lines the compiler must reject, so a type that decays to `any` fails the check. */
export function typeOnly(completed: CompletedTask) {
  // @ts-expect-error a completed task has no `error`
  completed.error.code;
  // @ts-expect-error no such path in the spec
  client.raw.GET('/v1/nope');
  // @ts-expect-error the body needs a prompt
  client.createVideo({ model: 'sora-2' });
}

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const signed = await signCallback('{"test": 2432232314}', secret, {
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
});
const raw2 = JSON.stringify(task);
const verified = await verifyCallback(raw2, await signCallback(raw2, secret), secret);

console.log(
  JSON.stringify({
    url,
    notFound,
    rateLimited: rateLimited ?? null,
    failed,
    rawStatus,
    signature: signed['webhook-signature'],
    verified: verified.id,
    openapi: spec.openapi,
    unused: [body.prompt, badBody.prompt],
  }),
);
