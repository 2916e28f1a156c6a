// The browser page's app: MSW's service worker with the stateful handlers, and a plain-fetch app the test drives.
import { setupWorker } from 'msw/browser';
import { createVideoTaskHandlers } from '../../src/msw.js';

const API = 'https://api.evolink.ai';
const { handlers, mock } = createVideoTaskHandlers({ seed: 'browser', startTime: Date.UTC(2026, 4, 1, 9) });
const worker = setupWorker(...handlers);

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${API}${path}`, {
    ...init,
    headers: { authorization: 'Bearer sk-browser', 'content-type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: await response.json() };
}

/** Plays a video URL in a <video>; resolves with what loadedmetadata says. */
function play(url: string): Promise<{ width: number; height: number; duration: number }> {
  const video = document.createElement('video');
  video.muted = true;
  document.body.append(video);
  return new Promise((resolve, reject) => {
    video.addEventListener('loadedmetadata', () =>
      resolve({ width: video.videoWidth, height: video.videoHeight, duration: video.duration }),
    );
    video.addEventListener('error', () =>
      reject(new Error(`video error ${video.error?.code}: ${video.error?.message}`)),
    );
    video.src = url;
  });
}

const app = {
  create: (prompt: string, aspectRatio = '16:9') =>
    call('/v1/videos/generations', {
      method: 'POST',
      body: JSON.stringify({ model: 'sora-2', prompt, aspect_ratio: aspectRatio }),
    }),
  read: (id: string) => call(`/v1/tasks/${id}`),
  advance: (ms: number) => mock.clock.advance(ms),
  play,
};

worker
  .start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'error', quiet: true })
  .then(
    () => Object.assign(window, { app, appReady: true }),
    (error: unknown) => Object.assign(window, { appError: String(error) }),
  );
