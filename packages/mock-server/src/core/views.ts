// A task as the admin API, the dashboard and the controller show it: the API's JSON plus what the mock knows.
import type { AdminSchemas } from '@videotask/spec';
import { RETENTION_MS } from '../domain/lifecycle.js';
import { toCredits } from '../domain/prices.js';
import { renderTask } from '../domain/task.js';
import type { StoredTask } from '../store/store.js';

/** A task as the admin API shows it: the admin spec's `AdminTask` (generated). */
export type AdminTask = AdminSchemas['AdminTask'];

export function adminView(task: StoredTask, now: number, publicUrl: string, attempts: number): AdminTask {
  const finite = (n: number) => (Number.isFinite(n) ? n : null);
  return {
    task: renderTask(task, now, publicUrl),
    apiKey: task.apiKey,
    scenario: task.scenario,
    callbackUrl: task.callbackUrl,
    traceparent: task.traceparent ?? null,
    aspectRatio: task.aspectRatio,
    duration: task.duration,
    removeWatermark: task.removeWatermark,
    imageToVideo: task.image,
    priceCredits: toCredits(task.priceUc),
    settled: task.settled,
    cancelled: task.cancelled,
    timeline: {
      createdAt: task.createdAt,
      processingAt: task.processingAt,
      endAt: finite(task.endAt),
      expiresAt: finite(task.endAt + RETENTION_MS),
    },
    deliveryAttempts: attempts,
  };
}
