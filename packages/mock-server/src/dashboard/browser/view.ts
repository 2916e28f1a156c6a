// What the page shows (the list's filters and page, the open task) and bringing it up to date from
// the server's parts; the task view opens from the URL's #task=<id>.
import { ApiError, request } from './api.js';
import { coalesce } from './coalesce.js';
import { notice, report } from './messages.js';
import { BASE, element, PAGE_SIZE } from './page.js';
import { applyParts, clearParts } from './parts.js';

export interface ViewState {
  offset: number;
  limit: number;
  /** A task status, or '' for all. */
  status: string;
  q: string;
  /** The id of the open task. */
  task: string | null;
  /** The last change version the event stream announced. */
  version: number | null;
}

export const state: ViewState = { offset: 0, limit: PAGE_SIZE, status: '', q: '', task: null, version: null };

/** The dashboard's /view and /view/tasks/{id} answers. */
interface PartsAnswer {
  offset: number;
  parts: Record<string, string>;
}

const taskView = element('#task-view');

function listUrl(): string {
  const p = new URLSearchParams();
  p.set('offset', String(state.offset));
  p.set('limit', String(state.limit));
  if (state.status) p.set('status', state.status);
  if (state.q) p.set('q', state.q);
  if (state.task) p.set('selected', state.task);
  return `${BASE}/view?${p.toString()}`;
}

export const refreshList = coalesce(async () => {
  const data = await request<PartsAnswer>('GET', listUrl());
  state.offset = data.offset;
  applyParts(data.parts);
});

const refreshTask = coalesce(async () => {
  const id = state.task;
  if (!id) return;
  try {
    const data = await request<PartsAnswer>('GET', `${BASE}/view/tasks/${encodeURIComponent(id)}`);
    if (state.task === id) applyParts(data.parts);
  } catch (err) {
    if (state.task !== id) return;
    if (err instanceof ApiError && err.status === 404) {
      closeTask(false);
      notice(`Task ${id} is gone (reset, expired or evicted).`);
    } else report(err);
  }
});

export function refreshAll(): Promise<unknown> {
  return Promise.all([refreshList().catch(report), refreshTask()]);
}

export function taskFromHash(): string | null {
  const m = /^#task=(.+)$/.exec(location.hash);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

/** Opens a task (or closes the view with null); `focus` moves the keyboard focus with it. */
export function showTask(id: string | null, focus: boolean): void {
  if (id === state.task) return;
  const previous = state.task;
  state.task = id;
  clearParts(taskView);
  if (!id) {
    taskView.hidden = true;
    refreshList()
      .catch(report)
      .then(() => {
        if (!focus) return;
        const row = previous
          ? document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(`row:${previous}`)}"]`)
          : null;
        (row ?? element<HTMLElement>('#tasks-heading')).focus();
      });
    return;
  }
  element('#task-heading').textContent = `Task ${id}`;
  taskView.hidden = false;
  refreshList().catch(report);
  refreshTask().then(() => {
    if (focus && state.task === id) element('#task-heading').focus();
  });
}

export function closeTask(focus: boolean): void {
  if (location.hash) history.pushState(null, '', location.pathname + location.search);
  showTask(null, focus);
}

/** The URL's hash opens a task; Escape in the task view closes it. */
export function bindTaskView(): void {
  window.addEventListener('hashchange', () => showTask(taskFromHash(), true));
  taskView.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) closeTask(true);
  });
}
