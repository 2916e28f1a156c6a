// The re-exported fixtures keep their behaviour and their spec types (one implementation: the mock's).
import type { CompletedTask, FailedTask, VideoTask } from '@videotask/client';
import * as mockFixtures from '@videotask/mock-server/fixtures';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { FixtureError, fakeCreateRequest, fakeError, fakeTask } from '../src/index.js';

describe('@videotask/testing fixtures', () => {
  test('are the mock package fixtures, narrowed to the status asked for', () => {
    const done = fakeTask({ status: 'completed' }, { seed: 7 });
    expectTypeOf(done).toEqualTypeOf<CompletedTask>();
    expectTypeOf(fakeTask({ status: 'failed' })).toEqualTypeOf<FailedTask>();
    expectTypeOf(fakeTask()).toEqualTypeOf<VideoTask>();
    expect(done).toEqual(mockFixtures.fakeTask({ status: 'completed' }, { seed: 7 }));
    expect(fakeCreateRequest({}, { seed: 7 })).toEqual(mockFixtures.fakeCreateRequest({}, { seed: 7 }));
    // The body is typed as the model asked for: a sora-2 body has its durations, a Kling one its sound.
    const sora = fakeCreateRequest({}, { seed: 7, model: 'sora-2' });
    expectTypeOf(sora.duration).toEqualTypeOf<10 | 15 | undefined>();
    expect(sora.model).toBe('sora-2');
    expectTypeOf(fakeCreateRequest({ model: 'kling-o3-text-to-video' }).sound).toEqualTypeOf<
      'on' | 'off' | undefined
    >();
    expect(fakeError(503, 'service_unavailable').error.type).toBe('service_unavailable_error');
    expect(() => fakeTask({ status: 'completed', progress: -1 })).toThrow(FixtureError);
  });
});
