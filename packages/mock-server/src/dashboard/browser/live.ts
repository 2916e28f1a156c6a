// Live updates: the dashboard's server-sent event stream, or polling every 5 s when it cannot be opened.
import { BASE, element } from './page.js';
import { refreshAll, state } from './view.js';

const liveEl = element('#live');
let pollTimer: ReturnType<typeof setInterval> | null = null;

function setLive(on: boolean, text: string): void {
  liveEl.dataset.state = on ? 'on' : 'off';
  liveEl.textContent = `updates: ${text}`;
}

function startPolling(): void {
  if (!pollTimer) pollTimer = setInterval(() => refreshAll(), 5000);
}

/** Listens for change events; each new version brings the page up to date. */
export function connect(): void {
  if (!('EventSource' in window)) {
    setLive(false, 'polling every 5 s');
    startPolling();
    return;
  }
  const source = new EventSource(`${BASE}/events`);
  source.addEventListener('open', () => {
    setLive(true, 'live');
    if (pollTimer) {
      clearInterval(pollTimer);
      pollTimer = null;
    }
  });
  source.addEventListener('change', (event) => {
    let data: { version: number };
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    if (data.version !== state.version) {
      state.version = data.version;
      refreshAll();
    }
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      setLive(false, 'stream closed, polling every 5 s');
      startPolling();
    } else {
      setLive(false, 'reconnecting…');
    }
  });
}
