// Serves @videotask/mock-server on a free loopback port (real clock, no rate limit) and creates one
// task to read; prints {"port","taskId"} on stdout. Run as a child process by get-task.ts.
import { serveMockServer } from '@videotask/mock-server/node';

const API_KEY = 'sk-bench';
const running = await serveMockServer({
  port: 0,
  host: '127.0.0.1',
  clock: 'real',
  seed: 1,
  apiKeys: [API_KEY],
});
// A task that stays `processing`, so every read in the run gets the same kind of answer.
const response = await fetch(`${running.url}/v1/videos/generations`, {
  method: 'POST',
  headers: {
    authorization: `Bearer ${API_KEY}`,
    'content-type': 'application/json',
    'x-mock-scenario': 'stuck',
  },
  body: JSON.stringify({ model: 'sora-2', prompt: 'A cat playing piano' }),
});
if (!response.ok) throw new Error(`create answered ${response.status}: ${await response.text()}`);
const task = (await response.json()) as { id: string };
console.log(JSON.stringify({ port: running.port, taskId: task.id }));
process.on('SIGTERM', () => {
  void running.close().then(() => process.exit(0));
});
