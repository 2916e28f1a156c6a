// The tally --metrics shows as gauges: live tasks by status and model, their credits by billing state.
import { afterEach, expect, test } from 'vitest';
import { closeCores, created, input, testCore } from './test-core.js';

afterEach(closeCores);

test('counts each task as a read derives it now, and its price where its billing stands', async () => {
  const core = testCore();
  expect(await core.taskTally()).toEqual({ tasks: [], credits: { reserved: 0, consumed: 0, returned: 0 } });
  const done = await created(core, input({}, { scenario: 'success' }));
  const failed = await created(core, input({}, { scenario: 'fail:content_policy_violation' }));
  await core.moveClock(10 * 60_000);
  const running = await created(core, input({ model: 'sora-2-preview', duration: 4 }));
  const reserved = (t: { usage?: { credits_reserved?: number } }) => t.usage?.credits_reserved ?? 0;
  const tally = await core.taskTally();
  expect(tally.tasks).toEqual(
    expect.arrayContaining([
      { status: 'completed', model: 'sora-2', count: 1 },
      { status: 'failed', model: 'sora-2', count: 1 },
      { status: 'pending', model: 'sora-2-preview', count: 1 },
    ]),
  );
  expect(tally.tasks).toHaveLength(3);
  expect(tally.credits).toEqual({
    reserved: reserved(running),
    consumed: reserved(done),
    returned: reserved(failed),
  });
  // A second task of the same status and model adds to its count.
  await created(core, input({ model: 'sora-2-preview', duration: 4 }));
  const again = await core.taskTally();
  expect(again.tasks).toContainEqual({ status: 'pending', model: 'sora-2-preview', count: 2 });
  expect(again.credits.reserved).toBe(2 * reserved(running));
});
