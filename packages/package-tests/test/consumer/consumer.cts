// The CommonJS view of the package: required at runtime and type-checked as a .cts file.
import client = require('@videotask/client');

const c: client.VideoTaskClient = client.createVideoTaskClient({
  apiKey: 'sk-consumer',
  baseUrl: 'http://127.0.0.1:4010',
});
const status: client.TaskStatus = 'completed';
// @ts-expect-error not a status of the spec
const wrong: client.TaskStatus = 'cancelled';
const isError: boolean = new client.AuthenticationError('x') instanceof client.VideoTaskError;

console.log(JSON.stringify({ baseUrl: c.baseUrl, status, isError, wrong, version: client.VERSION }));
