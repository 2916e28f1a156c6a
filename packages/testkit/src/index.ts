// @videotask/testkit: the repository's one test kit (private): callback receiver, spec fixtures, clock helpers.
export * from './clock.js';
export * from './fixtures.js';
export * from './receiver.js';
export * from './redis-cluster.js';
export * from './redis-server.js';
