// The dashboard's page, rendered on the server: its head, the controls, the task list and the (empty)
// task view the script fills in; and the page that asks for the admin token.
import { html, raw, type SafeHtml } from '../http/html.js';
import { clockForm, clockVerbsForm, createForm, faultForm, modelsForm } from './forms.js';
import { listParts, type ServerState } from './list-parts.js';
import type { PageConfig } from './markup.js';
import { STATUSES, type TaskPage, type TaskQuery } from './query.js';

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

export function renderPage(config: PageConfig, page: TaskPage, state: ServerState, query: TaskQuery): string {
  const parts = listParts(page, state, null);
  const manual = config.clock === 'manual';
  return html`${pageHead(config, query)}<body>
<a class="skip-link" href="#tasks-heading">Skip to the tasks</a>
<header class="top">
<h1>videotask mock <span class="muted">dashboard</span></h1>
<p class="top-facts"><span data-part="clock">${raw(parts.clock)}</span> · <span data-part="chaos">${raw(parts.chaos)}</span>
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
${createForm(config)}${modelsForm(config, parts)}${clockForm(manual)}${clockVerbsForm(manual)}${faultForm(parts)}</div>
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
