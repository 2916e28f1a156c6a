// The same app on @videotask/client: create, wait (polling through the client's clock), download.
import { type Clock, createVideoTaskClient } from '@videotask/client';

export function createClientApp(config: {
  apiKey: string;
  clock?: Partial<Clock>;
  headers?: Record<string, string>;
}) {
  const client = createVideoTaskClient({
    apiKey: config.apiKey,
    clock: config.clock,
    headers: config.headers,
    maxRetries: 2,
  });
  return {
    client,
    async makeVideo(prompt: string) {
      const task = await client.createVideoAndWait({ model: 'sora-2', prompt, aspect_ratio: '9:16' });
      const response = await fetch(task.results[0] as string);
      return {
        task,
        type: response.headers.get('content-type'),
        bytes: new Uint8Array(await response.arrayBuffer()),
      };
    },
  };
}
