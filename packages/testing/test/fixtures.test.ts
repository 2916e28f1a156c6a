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
    expect(fakeError(503, 'service_unavailable').error.type).toBe('service_unavailable_error');
    expect(() => fakeTask({ status: 'completed', progress: -1 })).toThrow(FixtureError);
  });
});
