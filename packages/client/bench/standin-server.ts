// A tiny stand-in for the mock while it is not available: answers every GET /v1/tasks/:id with a
// fixed task. Run as a child process; prints the port on stdout.
import { createServer } from 'node:http';

const task = JSON.stringify({
  created: 1757169743,
  id: 'task-unified-1757169743-7cvnl5zw',
  model: 'sora-2',
  object: 'video.generation.task',
  progress: 45,
  status: 'processing',
  task_info: { can_cancel: true },
  type: 'video',
  usage: { billing_rule: 'per_call', credits_reserved: 3.737, user_group: 'default' },
});

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
