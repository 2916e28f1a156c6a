// A tiny stand-in for the mock while it is not available: answers every GET /v1/tasks/:id with a
// fixed task. Run as a child process; prints the port on stdout.
import { createServer } from 'node:http';
import { spec } from '@videotask/spec';
import { deref } from '@videotask/spec/validator';

// The spec's own example of a processing task: the same body the mock answers with.
const task = JSON.stringify(deref<{ value: unknown }>(spec, spec.components.examples?.ProcessingTask).value);

const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_standin' });
  res.end(task);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(
    JSON.stringify({
      port: typeof address === 'object' && address ? address.port : 0,
      taskId: JSON.parse(task).id,
    }),
  );
});
