// @videotask/mock-server/fixtures entry: the seeded faker fixtures (Web-only; see fixtures/index.ts).
export * from './fixtures/index.js';
