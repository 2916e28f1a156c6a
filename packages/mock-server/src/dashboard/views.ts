// The dashboard's markup, rendered on the server: the page, and the parts the page swaps in as things
// change. Every value that comes from a request (keys, URLs, scenarios, callback bodies, receiver
// errors) goes through `html`, which escapes it.
import type { AdminSchemas } from '@videotask/spec';
import type { AdminTask } from '../core/views.js';
import { type DeliveryAttempt, REDELIVER_MUTATIONS } from '../domain/delivery-attempt.js';
import { MODEL_STATES } from '../domain/model-state.js';
import { FAILURE_CODES } from '../domain/scenarios.js';
import { html, raw, type SafeHtml } from '../http/html.js';
import type { Fault } from '../store/faults.js';
import { FAULT_STATUSES } from '../store/faults.js';
import { STATUSES, shortKey, type TaskPage, type TaskQuery, type TaskRow } from './query.js';

export interface PageConfig {
  /** Where the dashboard is mounted, e.g. `/__mock/ui`. */
  base: string;
  /** Where the admin API is, e.g. `/__mock`. */
  adminBase: string;
  /** Sent back by the page as `x-admin-token` (only when the server has one, and only to holders of it). */
  adminToken: string | null;
  clock: 'real' | 'manual';
  /** The key the create form offers first. */
  defaultApiKey: string;
  allowLocalCallbacks: boolean;
  /** Callbacks go out without signature headers. */
  unsignedCallbacks: boolean;
  /** The served model ids, in the spec's order (the create form's choice). */
  models: readonly string[];
}

/** A served model and its state, as the admin API lists it. */
export type ModelRow = AdminSchemas['ModelStateEntry'];

/** Named fragments; the page replaces the element `[data-part=<name>]` with each. */
export type Parts = Record<string, string>;

const n = (value: number) => value.toLocaleString('en-US');

/** `2025-01-01 12:00:05Z` (or with milliseconds); the server's clock, in UTC. */
export function formatTime(ms: number, withMs = false): string {
  const iso = new Date(ms).toISOString().replace('T', ' ');
  return withMs ? iso : iso.replace(/\.\d+Z$/, 'Z');
}

function badge(status: string, text = status): SafeHtml {
  return html`<span class="badge badge-${status}">${text}</span>`;
}

function progressBar(id: string, value: number): SafeHtml {
  return html`<span class="progress"><progress max="100" value="${value}" aria-label="Progress of ${id}">${value} %</progress><span class="progress-text">${value} %</span></span>`;
}

function outcomeText(outcome: string): string {
  return outcome === 'in_flight' ? 'in flight' : outcome;
}

// ---- the task list -------------------------------------------------------------------------------

function row(r: TaskRow, selected: string | null): SafeHtml {
  const current = r.id === selected;
  return html`<tr${current ? html` class="selected"` : ''}>
<th scope="row"><a href="#task=${r.id}" data-focus-key="row:${r.id}"${current ? html` aria-current="true"` : ''}><code>${r.id}</code></a></th>
<td>${badge(r.status)}${r.cancelled ? html` <span class="muted">(cancelled)</span>` : ''}</td>
<td>${progressBar(r.id, r.progress)}</td>
<td>${r.scenario ? html`<code>${r.scenario}</code>` : html`<span class="muted">—</span>`}</td>
<td>${r.duration} s · ${r.aspectRatio}</td>
<td><time datetime="${new Date(r.createdAt).toISOString()}" title="${formatTime(r.createdAt)}">${formatTime(r.createdAt).slice(11, 19)}</time></td>
<td><code>${r.apiKey}</code></td>
<td>${
    r.attempts
      ? html`${r.attempts} · ${badge(r.lastOutcome ?? '', outcomeText(r.lastOutcome ?? ''))}`
      : r.callbackUrl
        ? html`<span class="muted">none yet</span>`
        : html`<span class="muted">no URL</span>`
  }</td>
</tr>`;
}

export function rowsPart(page: TaskPage, selected: string | null): string {
  if (!page.rows.length) {
    return html`<tr><td colspan="8" class="empty">${
      page.counts.all
        ? 'No task matches these filters.'
        : 'No tasks yet. Create one with the form, or with the API.'
    }</td></tr>`.toString();
  }
  return page.rows.map((r) => row(r, selected).toString()).join('\n');
}

export function pagerPart(page: TaskPage): string {
  const first = page.total ? page.offset + 1 : 0;
  const last = page.offset + page.rows.length;
  const pages = Math.max(1, Math.ceil(page.total / page.limit));
  const current = Math.floor(page.offset / page.limit) + 1;
  const prev = Math.max(0, page.offset - page.limit);
  const next = page.offset + page.limit;
  return html`<p class="pager-info">Showing ${n(first)}–${n(last)} of ${n(page.total)} · page ${n(current)} of ${n(pages)}</p>
<div class="pager-buttons">
<button type="button" id="page-first" data-action="page" data-offset="0"${page.offset === 0 ? html` disabled` : ''}>First</button>
<button type="button" id="page-prev" data-action="page" data-offset="${prev}"${page.offset === 0 ? html` disabled` : ''}>Previous</button>
<button type="button" id="page-next" data-action="page" data-offset="${next}"${next >= page.total ? html` disabled` : ''}>Next</button>
<button type="button" id="page-last" data-action="page" data-offset="${(pages - 1) * page.limit}"${next >= page.total ? html` disabled` : ''}>Last</button>
</div>`.toString();
}

export function countsPart(page: TaskPage): string {
  const c = page.counts;
  return html`${n(c.all)} task${c.all === 1 ? '' : 's'}: ${n(c.pending)} pending, ${n(c.processing)} processing, ${n(
    c.completed,
  )} completed, ${n(c.failed)} failed`.toString();
}

export function clockPart(mode: 'real' | 'manual', now: number): string {
  return html`<span class="clock-mode">${mode} clock</span> <time datetime="${new Date(now).toISOString()}">${formatTime(now, mode === 'manual')}</time>`.toString();
}

export function faultsPart(faults: Fault[]): string {
  if (!faults.length) return html`<p class="muted">No fault pending.</p>`.toString();
  return html`<ul class="faults">${faults.map(
    (f) =>
      html`<li>#${f.id}: ${f.status ? html`answers <strong>${f.status}</strong>` : 'answers normally'}${
        f.delayMs ? html` after ${f.delayMs} ms` : ''
      } · ${f.remaining} of ${f.count} left · ${f.path ? html`<code>${f.path}</code>` : 'every /v1/ request'}</li>`,
  )}</ul>`.toString();
}

export function listParts(
  page: TaskPage,
  faults: Fault[],
  mode: 'real' | 'manual',
  selected: string | null,
  models: ModelRow[],
) {
  return {
    counts: countsPart(page),
    rows: rowsPart(page, selected),
    pager: pagerPart(page),
    faults: faultsPart(faults),
    clock: clockPart(mode, page.now),
    models: modelsPart(models),
  } satisfies Parts;
}

function modelsPart(models: ModelRow[]): string {
  return html`<ul class="model-states">${models.map(
    (m) => html`<li><code>${m.model_id}</code> ${badge(m.state)}</li>`,
  )}</ul>`.toString();
}

// ---- the task view --------------------------------------------------------------------------------

function fact(term: string, value: SafeHtml | string): SafeHtml {
  return html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
}

function attemptView(a: DeliveryAttempt, index: number): SafeHtml {
  const result =
    a.status !== null
      ? html`HTTP <strong>${a.status}</strong>${a.error ? html` — ${a.error}` : ''}`
      : a.error
        ? html`${a.error}`
        : html`<span class="muted">waiting for an answer</span>`;
  const headers = Object.entries(a.request.headers);
  return html`<li class="attempt">
<p class="attempt-line"><strong>Attempt ${a.attempt}</strong>${a.mutate ? html` · redelivery <code>${a.mutate}</code>` : ''}${a.signed ? '' : html` · <span class="badge badge-unsigned">unsigned</span>`} · ${badge(a.outcome, outcomeText(a.outcome))} · ${result}</p>
<dl class="facts compact">
${fact('started', html`<time datetime="${new Date(a.at).toISOString()}">${formatTime(a.at, true)}</time>`)}
${fact('took', a.durationMs === null ? 'in flight' : `${a.durationMs} ms`)}
${a.nextRetryAt !== null ? fact('next retry', formatTime(a.nextRetryAt, true)) : ''}
${fact('webhook-id', html`<code>${a.webhookId}</code>`)}
${fact('URL', html`<code class="wrap">${a.url}</code>`)}
</dl>
<details data-key="attempt:${a.webhookId}:${a.attempt}:${index}">
<summary>Signed headers and body sent</summary>
${
  headers.length
    ? html`<table class="headers"><caption class="visually-hidden">Request headers</caption><tbody>${headers.map(
        ([k, v]) =>
          html`<tr><th scope="row"><code>${k}</code></th><td><code class="wrap">${v}</code></td></tr>`,
      )}</tbody></table>`
    : html`<p class="muted">No request was sent.</p>`
}
<pre class="json" tabindex="0" aria-label="Body sent">${a.request.body}</pre>
</details>
</li>`;
}

export function deliveriesPart(view: AdminTask, attempts: DeliveryAttempt[]): string {
  if (!attempts.length) {
    return html`<p class="muted">${
      view.callbackUrl
        ? 'No callback attempt yet: the callback is sent when the task ends.'
        : 'No callback attempt: this task has no callback_url (a redelivery can name a URL).'
    }</p>`.toString();
  }
  return html`<ul class="attempts">${[...attempts]
    .map((a, i) => ({ a, i }))
    .reverse()
    .map(({ a, i }) => attemptView(a, i))}</ul>`.toString();
}

export function videoPart(view: AdminTask): string {
  const { task } = view;
  if (task.status === 'completed') {
    const path = `/files/${task.id}.mp4`;
    const portrait = view.aspectRatio === '9:16';
    return html`<video class="${portrait ? 'portrait' : 'landscape'}" controls preload="metadata" src="${path}" aria-label="Result video of ${task.id}"></video>
<p><a href="${path}">${path}</a> · served by the mock, as in <code>results[0]</code></p>`.toString();
  }
  if (task.status === 'failed') {
    return html`<p class="muted">No video: the task failed (<code>${task.error?.code ?? 'unknown_error'}</code>).</p>`.toString();
  }
  return html`<p class="muted">The video appears here when the task completes.</p>`.toString();
}

export function actionsPart(view: AdminTask): string {
  const { task } = view;
  if (task.task_info?.can_cancel) {
    return html`<button type="button" data-action="cancel" data-task="${task.id}" id="cancel-task">Cancel task</button>
<p class="hint">Ends it as <code>failed</code> / <code>request_cancelled</code> and refunds its credits.</p>`.toString();
  }
  return html`<form id="redeliver-form" data-task="${task.id}" class="inline-form">
<label>Mutation <select name="mutate" id="redeliver-mutate">${REDELIVER_MUTATIONS.map(
    (m) => html`<option value="${m}">${m}</option>`,
  )}</select></label>
<label>URL <input type="url" name="url" id="redeliver-url" placeholder="${view.callbackUrl ?? 'https://…'}"${
    view.callbackUrl ? '' : html` required`
  }></label>
<button type="submit">Redeliver callback</button>
</form>
<p class="hint">Sends the callback again, altered as chosen; the URL defaults to the task's <code>callback_url</code>.</p>`.toString();
}

export function factsPart(view: AdminTask): string {
  const t = view.timeline;
  return html`<dl class="facts">
${fact('status', html`${badge(view.task.status)}${view.cancelled ? ' (cancelled)' : ''}`)}
${fact('progress', progressBar(view.task.id, view.task.progress))}
${fact('owner key', html`<code>${shortKey(view.apiKey)}</code>`)}
${fact('scenario', view.scenario ? html`<code>${view.scenario}</code>` : 'none (the seeded failure rate decides)')}
${fact('video', `${view.duration} s · ${view.aspectRatio}${view.imageToVideo ? ' · image-to-video' : ''}${view.removeWatermark ? '' : ' · watermark'}`)}
${fact('price', `${view.priceCredits} credits${view.settled ? ' (settled)' : ''}`)}
${fact('callback_url', view.callbackUrl ? html`<code class="wrap">${view.callbackUrl}</code>` : 'none')}
${fact('created', formatTime(t.createdAt, true))}
${fact('processing from', formatTime(t.processingAt, true))}
${fact('ends', t.endAt === null ? 'never (stuck)' : formatTime(t.endAt, true))}
${fact('expires', t.expiresAt === null ? 'never' : formatTime(t.expiresAt))}
</dl>`.toString();
}

export function taskParts(view: AdminTask, attempts: DeliveryAttempt[]) {
  return {
    'task-title': html`Task <code>${view.task.id}</code>`.toString(),
    'task-facts': factsPart(view),
    'task-json': html`${JSON.stringify(view.task, null, 2)}`.toString(),
    'task-video': videoPart(view),
    'task-actions': actionsPart(view),
    'task-deliveries': deliveriesPart(view, attempts),
    'task-attempts': `${attempts.length} attempt${attempts.length === 1 ? '' : 's'}, newest first`,
  } satisfies Parts;
}

// ---- the page -------------------------------------------------------------------------------------

function scenarioOptions(): SafeHtml {
  const values = [
    'success',
    'slow',
    'stuck',
    'moderation',
    'slow,success',
    ...FAILURE_CODES.map((c) => `fail:${c}`),
  ];
  return html`${values.map((v) => html`<option value="${v}"></option>`)}`;
}

type PageParts = ReturnType<typeof listParts>;

function pageHead(config: PageConfig, query: TaskQuery): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>videotask mock · dashboard</title>
<link rel="icon" href="data:,">
<meta name="dashboard-base" content="${config.base}">
<meta name="admin-base" content="${config.adminBase}">
<meta name="admin-token" content="${config.adminToken ?? ''}">
<meta name="page-size" content="${query.limit}">
<link rel="stylesheet" href="${config.base}/assets/dashboard.css">
<script type="module" src="${config.base}/assets/dashboard.js"></script>
</head>
`;
}

function createForm(config: PageConfig): SafeHtml {
  return html`<form id="create-form" class="card" novalidate>
<h3>Create a task</h3>
<p class="hint">Sends <code>POST /v1/videos/generations</code> like any client.</p>
<label for="create-model">Model</label>
<select id="create-model" name="model">${config.models.map((id) => html`<option value="${id}">${id}</option>`)}</select>
<label for="create-prompt">Prompt</label>
<textarea id="create-prompt" name="prompt" rows="2" maxlength="5000" required>A cat playing the piano</textarea>
<div class="row2">
<div><label for="create-duration">Duration (s)</label>
<input id="create-duration" name="duration" type="number" min="1" step="1" inputmode="numeric" placeholder="the model's default"></div>
<div><label for="create-aspect">Aspect ratio</label>
<select id="create-aspect" name="aspect_ratio"><option value="">the model's default</option><option value="16:9">16:9</option><option value="9:16">9:16</option></select></div>
</div>
<p class="hint">Each model has its own limits (see <a href="/docs">/docs</a>); a value it does not take answers 400 here.</p>
<label for="create-scenario">Scenario <span class="muted">(<code>x-mock-scenario</code>, optional)</span></label>
<input id="create-scenario" name="scenario" list="scenario-list" autocomplete="off" placeholder="success, slow, stuck, fail:service_error…">
<datalist id="scenario-list">${scenarioOptions()}</datalist>
<label for="create-callback">Callback URL <span class="muted">(optional${config.allowLocalCallbacks ? '; local URLs allowed' : '; https only'})</span></label>
<input id="create-callback" name="callback_url" type="url" autocomplete="off" placeholder="https://example.com/hooks/video">
<label for="create-key">API key</label>
<input id="create-key" name="api_key" autocomplete="off" value="${config.defaultApiKey}" required>
<button type="submit">Create task</button>
</form>
`;
}

function modelsForm(config: PageConfig, parts: PageParts): SafeHtml {
  return html`<form id="model-form" class="card">
<h3>Models</h3>
<p class="hint">Degraded: slower. Unavailable: creates answer 503. Retired: 403 <code>model_access_denied</code>.</p>
<div class="row2">
<div><label for="model-id">Model</label>
<select id="model-id" name="model">${config.models.map((id) => html`<option value="${id}">${id}</option>`)}</select></div>
<div><label for="model-state">State</label>
<select id="model-state" name="state">${MODEL_STATES.map((s) => html`<option value="${s}">${s}</option>`)}<option value="">as started</option></select></div>
</div>
<button type="submit">Set state</button>
<div data-part="models">${raw(parts.models)}</div>
</form>
`;
}

function clockForm(manual: boolean): SafeHtml {
  return html`<form id="clock-form" class="card">
<h3>Clock</h3>
${
  manual
    ? html`<p class="hint">A manual clock moves only when asked; timers due on the way (task ends, callbacks, retries) run in order.</p>`
    : html`<p class="hint">The clock is real. Start the mock with <code>--clock manual</code> to move it from here.</p>`
}
<label for="clock-ms">Advance by (ms)</label>
<input id="clock-ms" name="ms" type="number" min="0" step="1" value="1000" inputmode="numeric"${manual ? '' : html` disabled`}>
<div class="button-row">
<button type="submit"${manual ? '' : html` disabled`}>Advance</button>
<button type="submit" data-ms="10000"${manual ? '' : html` disabled`}>+10 s</button>
<button type="submit" data-ms="60000"${manual ? '' : html` disabled`}>+1 min</button>
<button type="submit" data-ms="600000"${manual ? '' : html` disabled`}>+10 min</button>
</div>
</form>
`;
}

function faultForm(parts: PageParts): SafeHtml {
  return html`<form id="fault-form" class="card">
<h3>Inject a fault</h3>
<p class="hint">The next requests to <code>/v1/</code> answer with an error, or slowly.</p>
<div class="row3">
<div><label for="fault-status">Status</label>
<select id="fault-status" name="status"><option value="">none (delay only)</option>${FAULT_STATUSES.map(
    (s) => html`<option value="${s}"${s === 503 ? html` selected` : ''}>${s}</option>`,
  )}</select></div>
<div><label for="fault-count">Count</label><input id="fault-count" name="count" type="number" min="1" step="1" value="1"></div>
<div><label for="fault-delay">Delay (ms)</label><input id="fault-delay" name="delayMs" type="number" min="0" max="120000" step="1" value="0"></div>
</div>
<div class="button-row">
<button type="submit">Inject fault</button>
<button type="button" data-action="clear-faults">Clear faults</button>
</div>
<div data-part="faults">${raw(parts.faults)}</div>
</form>
<div class="card">
<h3>Reset</h3>
<p class="hint">Forgets every task, credit balance, callback attempt and fault; the clock keeps its time.</p>
<button type="button" class="danger" data-action="reset">Reset the mock</button>
</div>
`;
}

function tasksSection(parts: PageParts, query: TaskQuery): SafeHtml {
  return html`<section class="tasks" aria-labelledby="tasks-heading">
<h2 id="tasks-heading" tabindex="-1">Tasks</h2>
<p class="counts" data-part="counts" aria-live="polite" aria-atomic="true">${raw(parts.counts)}</p>
<form id="filter-form" class="filters" role="search">
<div><label for="filter-status">Status</label><select id="filter-status" name="status"><option value="">all</option>${STATUSES.map(
    (s) => html`<option value="${s}">${s}</option>`,
  )}</select></div>
<div><label for="filter-q">Search</label><input id="filter-q" name="q" type="search" maxlength="200" placeholder="id, key, scenario, URL"></div>
<div><label for="filter-limit">Rows per page</label><select id="filter-limit" name="limit">${[
    25, 50, 100, 200,
  ].map(
    (size) => html`<option value="${size}"${size === query.limit ? html` selected` : ''}>${size}</option>`,
  )}</select></div>
<button type="submit">Apply</button>
</form>
<div class="table-wrap" role="region" aria-labelledby="tasks-heading" tabindex="0">
<table class="task-table">
<thead><tr><th scope="col">Id</th><th scope="col">Status</th><th scope="col">Progress</th><th scope="col">Scenario</th><th scope="col">Video</th><th scope="col">Created (UTC)</th><th scope="col">Key</th><th scope="col">Callbacks</th></tr></thead>
<tbody data-part="rows">${raw(parts.rows)}</tbody>
</table>
</div>
<nav class="pager" aria-label="Task pages" data-part="pager">${raw(parts.pager)}</nav>
</section>
`;
}

const TASK_VIEW = raw(`<section class="task-view" id="task-view" aria-labelledby="task-heading" hidden>
<div class="task-head">
<h2 id="task-heading" tabindex="-1" data-part="task-title">Task</h2>
<button type="button" data-action="close-task" aria-label="Close the task view">Close</button>
</div>
<div data-part="task-facts"></div>
<div class="task-actions" data-part="task-actions"></div>
<h3>Result video</h3>
<div data-part="task-video"></div>
<h3>Callback deliveries <span class="muted">(<span data-part="task-attempts">0 attempts</span>)</span></h3>
<div data-part="task-deliveries"></div>
<h3><code>GET /v1/tasks/{id}</code> returns</h3>
<pre class="json" id="task-json" tabindex="0" data-part="task-json" aria-label="Task JSON"></pre>
</section>
`);

export function renderPage(
  config: PageConfig,
  page: TaskPage,
  faults: Fault[],
  query: TaskQuery,
  models: ModelRow[],
): string {
  const parts = listParts(page, faults, config.clock, null, models);
  const manual = config.clock === 'manual';
  return html`${pageHead(config, query)}<body>
<a class="skip-link" href="#tasks-heading">Skip to the tasks</a>
<header class="top">
<h1>videotask mock <span class="muted">dashboard</span></h1>
<p class="top-facts"><span data-part="clock">${raw(parts.clock)}</span>
<span id="live" class="live" role="status" aria-live="polite" data-state="off">updates: connecting…</span></p>
</header>
<div class="messages">
<p id="notice" class="notice" role="status" aria-live="polite"></p>
<p id="error" class="error" role="alert"></p>
</div>
<main class="layout">
<section class="controls" aria-labelledby="controls-heading">
<h2 id="controls-heading">Controls</h2>
<div class="cards">
${createForm(config)}${modelsForm(config, parts)}${clockForm(manual)}${faultForm(parts)}</div>
</section>
${tasksSection(parts, query)}${TASK_VIEW}</main>
<footer class="foot"><p>Admin API: <a href="${config.adminBase}">${config.adminBase}</a> · API reference: <a href="/docs">/docs</a> · ${config.unsignedCallbacks ? 'Callbacks are sent unsigned (--unsigned-callbacks), as the live API sends them.' : html`Callbacks are signed with the webhook secret (<code>GET ${config.adminBase}/config</code>).`}</p></footer>
</body>
</html>
`.toString();
}

/** The answer to a request without the admin token: a form that asks for it. */
export function renderLoginPage(base: string, wrong: boolean): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>videotask mock · dashboard · admin token needed</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${base}/assets/dashboard.css">
</head>
<body>
<main class="login">
<h1>Admin token needed</h1>
<p>This mock protects its admin API with a token (<code>--admin-token</code>). Enter it to open the dashboard; it is kept in a cookie for this path only.</p>
${wrong ? html`<p class="error" role="alert">That token is not the admin token.</p>` : ''}
<form method="get" action="${base}">
<label for="token">Admin token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Open the dashboard</button>
</form>
</main>
</body>
</html>
`.toString();
}
