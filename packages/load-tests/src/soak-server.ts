// The soak's server process: the built mock on the Node entry (manual clock, local callbacks), run
// with --expose-gc so the parent can ask, over IPC, for its memory after a full garbage collection.
import { serveMockServer } from '@videotask/mock-server/node';

declare const gc: () => void;

const running = await serveMockServer({
  port: 0,
  clock: 'manual',
  startTime: Number(process.env.SOAK_START ?? Date.UTC(2025, 0, 1, 12)),
  seed: 'soak',
  allowLocalCallbacks: true,
  credits: 1e9,
});

process.on('message', (message: { type: string }) => {
  if (message.type === 'sample') {
    gc();
    gc();
    const { heapUsed, heapTotal, rss, external, arrayBuffers } = process.memoryUsage();
    process.send?.({ type: 'sample', heapUsed, heapTotal, rss, external, arrayBuffers });
  } else if (message.type === 'stop') {
    void running.close().then(() => process.exit(0));
  }
});
process.send?.({ type: 'ready', url: running.url, secret: running.mock.webhookSecret });
