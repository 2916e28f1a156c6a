// @videotask/testing: seeded fixtures typed with the spec, and fakeCallback for testing a callback receiver.
// The MSW handlers are in '@videotask/testing/msw' (msw is a peer dependency, loaded only from there).
export { type FakeCallback, type FakeCallbackOptions, fakeCallback } from './callback.js';
export {
  type FakeCreateRequestOptions,
  type FakeTaskOptions,
  type FakeTaskOverrides,
  FIXTURE_NOW,
  FixtureError,
  type FixtureSeed,
  fakeCreateRequest,
  fakeError,
  fakeTask,
  type TaskOfStatus,
} from './fixtures.js';
