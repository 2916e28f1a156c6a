// The page's script, served as /__mock/ui/assets/dashboard.js: an ES module with no dependency.
// It listens to the server-sent event stream, fetches the parts of the page that the server renders
// (already escaped), swaps them in (keeping focus, open <details> and a playing video), and sends the
// controls to the admin API. Everything it writes itself goes through textContent.
// Kept as a string so the core stays free of build steps and file reads; written without backticks
// or "${" so that it fits in a template literal (a test checks that it parses).

// biome-ignore lint/complexity/noUselessStringRaw: a backslash added to the script later must reach the browser as is.
export const DASHBOARD_JS = String.raw`'use strict';
const meta = (name) => {
  const el = document.querySelector('meta[name="' + name + '"]');
  return el ? el.getAttribute('content') || '' : '';
};
const BASE = meta('dashboard-base');
const ADMIN = meta('admin-base');
const TOKEN = meta('admin-token');

const state = { offset: 0, limit: Number(meta('page-size')) || 50, status: '', q: '', task: null, version: null };
const $ = (selector) => document.querySelector(selector);
const noticeEl = $('#notice');
const errorEl = $('#error');
const liveEl = $('#live');
const taskView = $('#task-view');

class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

function notice(text) {
  errorEl.textContent = '';
  noticeEl.textContent = text;
}

function showError(text) {
  errorEl.textContent = text;
}

function report(err) {
  showError(err instanceof ApiError ? err.message : 'Unexpected error: ' + (err && err.message ? err.message : String(err)));
}

function describe(status, data, text) {
  const e = data && data.error;
  if (e && typeof e === 'object') {
    return 'HTTP ' + status + ' ' + (e.code || '') + (e.param ? ' (' + e.param + ')' : '') + ': ' + (e.message || '');
  }
  return 'HTTP ' + status + ': ' + (text || 'no body').slice(0, 300);
}

/** fetch with JSON in and out; an answer that is not 2xx throws an ApiError with the API's message. */
async function request(method, url, options) {
  const opts = options || {};
  const headers = { accept: 'application/json' };
  if (opts.admin !== false && TOKEN) headers['x-admin-token'] = TOKEN;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, opts.headers || {});
  let res;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      cache: 'no-store',
    });
  } catch (err) {
    throw new ApiError('The mock did not answer (' + (err && err.message ? err.message : String(err)) + ').', 0);
  }
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (_) {
    data = null;
  }
  if (!res.ok) throw new ApiError(describe(res.status, data, text), res.status);
  return data;
}

// ---- swapping server-rendered parts in ----

const lastMarkup = new WeakMap();

function focusSelector(el) {
  if (el.id) return '#' + CSS.escape(el.id);
  if (el.dataset && el.dataset.focusKey) return '[data-focus-key="' + CSS.escape(el.dataset.focusKey) + '"]';
  return null;
}

function swap(el, markup) {
  const active = document.activeElement;
  const selector = active && active !== el && el.contains(active) ? focusSelector(active) : null;
  const open = new Set();
  for (const d of el.querySelectorAll('details[open][data-key]')) open.add(d.dataset.key);
  el.innerHTML = markup;
  for (const d of el.querySelectorAll('details[data-key]')) if (open.has(d.dataset.key)) d.open = true;
  if (selector) {
    // The same control if it is still there and usable, else the first one in its place.
    let target = el.querySelector(selector);
    if (!target || target.disabled) target = el.querySelector('a[href], button:not([disabled]), input, select, textarea');
    if (target) target.focus();
  }
}

function applyParts(parts) {
  for (const name of Object.keys(parts)) {
    for (const el of document.querySelectorAll('[data-part="' + name + '"]')) {
      const markup = parts[name];
      if (lastMarkup.get(el) === markup) continue;
      lastMarkup.set(el, markup);
      swap(el, markup);
    }
  }
}

/** Runs fn; a call while it runs asks for one more run afterwards (never two at once). */
function coalesce(fn) {
  let running = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await fn();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}

function listUrl() {
  const p = new URLSearchParams();
  p.set('offset', String(state.offset));
  p.set('limit', String(state.limit));
  if (state.status) p.set('status', state.status);
  if (state.q) p.set('q', state.q);
  if (state.task) p.set('selected', state.task);
  return BASE + '/view?' + p.toString();
}

const refreshList = coalesce(async () => {
  const data = await request('GET', listUrl());
  state.offset = data.offset;
  applyParts(data.parts);
});

const refreshTask = coalesce(async () => {
  const id = state.task;
  if (!id) return;
  try {
    const data = await request('GET', BASE + '/view/tasks/' + encodeURIComponent(id));
    if (state.task === id) applyParts(data.parts);
  } catch (err) {
    if (state.task !== id) return;
    if (err instanceof ApiError && err.status === 404) {
      closeTask(false);
      notice('Task ' + id + ' is gone (reset, expired or evicted).');
    } else report(err);
  }
});

function refreshAll() {
  return Promise.all([refreshList().catch(report), refreshTask()]);
}

// ---- the task view ----

function taskFromHash() {
  const m = /^#task=(.+)$/.exec(location.hash);
  return m ? decodeURIComponent(m[1]) : null;
}

function showTask(id, focus) {
  if (id === state.task) return;
  const previous = state.task;
  state.task = id;
  for (const el of taskView.querySelectorAll('[data-part]')) {
    lastMarkup.delete(el);
    el.textContent = '';
  }
  if (!id) {
    taskView.hidden = true;
    refreshList()
      .catch(report)
      .then(() => {
        if (!focus) return;
        const row = previous && document.querySelector('[data-focus-key="' + CSS.escape('row:' + previous) + '"]');
        (row || $('#tasks-heading')).focus();
      });
    return;
  }
  $('#task-heading').textContent = 'Task ' + id;
  taskView.hidden = false;
  refreshList().catch(report);
  refreshTask().then(() => {
    if (focus && state.task === id) $('#task-heading').focus();
  });
}

function closeTask(focus) {
  if (location.hash) history.pushState(null, '', location.pathname + location.search);
  showTask(null, focus);
}

window.addEventListener('hashchange', () => showTask(taskFromHash(), true));
taskView.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !event.defaultPrevented) closeTask(true);
});

// ---- live updates: server-sent events, polling if the stream cannot be opened ----

let pollTimer = null;

function setLive(on, text) {
  liveEl.dataset.state = on ? 'on' : 'off';
  liveEl.textContent = 'updates: ' + text;
}

function startPolling() {
  if (!pollTimer) pollTimer = setInterval(() => refreshAll(), 5000);
}

function connect() {
  if (!('EventSource' in window)) {
    setLive(false, 'polling every 5 s');
    startPolling();
    return;
  }
  const source = new EventSource(BASE + '/events');
  source.addEventListener('open', () => {
    setLive(true, 'live');
    if (pollTimer) {
      clearInterval(pollTimer);
      pollTimer = null;
    }
  });
  source.addEventListener('change', (event) => {
    let data;
    try {
      data = JSON.parse(event.data);
    } catch (_) {
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

// ---- controls ----

const busy = new WeakSet();

/**
 * Runs an action for a form or button: one at a time, errors shown in the page, and the page brought
 * up to date afterwards whatever the answer (a refused action may still have changed something).
 */
async function act(container, fn) {
  if (busy.has(container)) return;
  busy.add(container);
  container.setAttribute('aria-busy', 'true');
  errorEl.textContent = '';
  try {
    await fn();
  } catch (err) {
    report(err);
  } finally {
    busy.delete(container);
    container.removeAttribute('aria-busy');
  }
  await refreshAll();
}

const numberOf = (value) => (String(value).trim() === '' ? undefined : Number(value));

const submitHandlers = {
  'create-form': (form) => {
    const f = new FormData(form);
    const body = {
      model: 'sora-2',
      prompt: String(f.get('prompt') || ''),
      duration: Number(f.get('duration')),
      aspect_ratio: String(f.get('aspect_ratio')),
    };
    const callbackUrl = String(f.get('callback_url') || '').trim();
    if (callbackUrl) body.callback_url = callbackUrl;
    const headers = { authorization: 'Bearer ' + String(f.get('api_key') || '').trim() };
    const scenario = String(f.get('scenario') || '').trim();
    if (scenario) headers['x-mock-scenario'] = scenario;
    return act(form, async () => {
      const task = await request('POST', '/v1/videos/generations', { admin: false, body, headers });
      notice('Created task ' + task.id + ' (' + task.status + ') for the prompt “' + body.prompt + '”.');
      state.offset = 0;
      location.hash = 'task=' + encodeURIComponent(task.id);
    });
  },
  'clock-form': (form, submitter) => {
    const ms = submitter && submitter.dataset.ms ? Number(submitter.dataset.ms) : numberOf(form.elements.ms.value);
    return act(form, async () => {
      const answer = await request('POST', ADMIN + '/clock/advance', { body: { ms } });
      notice('Clock advanced by ' + Number(ms).toLocaleString('en-US') + ' ms, to ' + answer.iso + '.');
    });
  },
  'fault-form': (form) => {
    const f = new FormData(form);
    const body = { count: numberOf(f.get('count')), delayMs: numberOf(f.get('delayMs')) };
    const status = String(f.get('status') || '');
    if (status) body.status = Number(status);
    return act(form, async () => {
      const answer = await request('POST', ADMIN + '/faults', { body });
      const fault = answer.fault;
      notice(
        'Fault #' + fault.id + ' injected: the next ' + fault.count + ' request(s) to /v1/ ' +
          (fault.status ? 'answer ' + fault.status : 'answer normally') +
          (fault.delayMs ? ' after ' + fault.delayMs + ' ms' : '') + '.',
      );
    });
  },
  'filter-form': (form) => {
    const f = new FormData(form);
    state.status = String(f.get('status') || '');
    state.q = String(f.get('q') || '').trim();
    state.limit = Number(f.get('limit')) || 50;
    state.offset = 0;
    return refreshList().catch(report);
  },
  'redeliver-form': (form) => {
    const id = form.dataset.task;
    const f = new FormData(form);
    const body = { mutate: String(f.get('mutate') || 'none') };
    const url = String(f.get('url') || '').trim();
    if (url) body.url = url;
    return act(form, async () => {
      const answer = await request('POST', ADMIN + '/tasks/' + encodeURIComponent(id) + '/redeliver', { body });
      notice('Redelivery ' + answer.webhookId + ' (' + answer.mutate + ') sent to ' + answer.url + '.');
    });
  },
};

document.addEventListener('submit', (event) => {
  const form = event.target;
  const handler = form && submitHandlers[form.id];
  if (!handler) return;
  event.preventDefault();
  handler(form, event.submitter);
});

const clickHandlers = {
  page: (button) => {
    state.offset = Number(button.dataset.offset) || 0;
    return refreshList().catch(report);
  },
  'close-task': () => closeTask(true),
  cancel: (button) =>
    act(button, async () => {
      const id = button.dataset.task;
      await request('POST', ADMIN + '/tasks/' + encodeURIComponent(id) + '/cancel');
      notice('Task ' + id + ' cancelled: it ends as failed / request_cancelled.');
    }),
  'clear-faults': (button) =>
    act(button, async () => {
      await request('DELETE', ADMIN + '/faults');
      notice('Every injected fault dropped.');
    }),
  reset: (button) => {
    if (!window.confirm('Reset the mock? Every task, credit balance, callback attempt and fault is forgotten.')) return;
    return act(button, async () => {
      // Closed first: the change event of the reset may arrive before its answer, and a refresh of
      // the open task would then ask for a task that no longer exists.
      closeTask(false);
      await request('POST', ADMIN + '/reset');
      notice('The mock was reset.');
      state.offset = 0;
    });
  },
};

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
  const handler = target && clickHandlers[target.dataset.action];
  if (handler) handler(target);
});

const filterForm = $('#filter-form');
for (const name of ['status', 'limit']) {
  filterForm.elements[name].addEventListener('change', () => submitHandlers['filter-form'](filterForm));
}
let searchTimer = null;
filterForm.elements.q.addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => submitHandlers['filter-form'](filterForm), 300);
});

showTask(taskFromHash(), false);
connect();
refreshAll();
`;
