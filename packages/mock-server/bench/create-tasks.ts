// Creates `count` tasks through a mock's fetch, for the memory measurements (heap and Redis).
import type { MockServer } from '../src/index.js';

export type TaskShape = {
  body: (i: number) => Record<string, unknown>;
  headers: (i: number) => Record<string, string>;
};

/** The two kinds of task both measurements report. */
export const TASK_KINDS: [label: string, shape: TaskShape][] = [
  ['plain tasks', { body: () => ({}), headers: () => ({}) }],
  [
    'with callback_url and Idempotency-Key',
    {
      body: (i) => ({ callback_url: `https://hooks.example.com/video/${i}`, duration: 15 }),
      headers: (i) => ({ 'idempotency-key': `key-${i}-${'x'.repeat(24)}` }),
    },
  ],
];

export async function createTasks(mock: MockServer, count: number, shape: TaskShape): Promise<void> {
  for (let i = 0; i < count; i++) {
    const res = await mock.fetch('http://mock/v1/videos/generations', {
      method: 'POST',
      headers: {
        authorization: `Bearer sk-${i % 10}`,
        'content-type': 'application/json',
        ...shape.headers(i),
      },
      body: JSON.stringify({ model: 'sora-2', prompt: `A cat playing piano, take ${i}`, ...shape.body(i) }),
    });
    if (res.status !== 200) throw new Error(`create ${i} answered ${res.status}: ${await res.text()}`);
  }
}
