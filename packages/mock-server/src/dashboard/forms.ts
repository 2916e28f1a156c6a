// The dashboard's control cards: create a task, set a model's state, move, set, scale or pause the clock, inject a fault,
// reset. Each sends the public or the admin API's own request (the browser script does the sending).
import { MODEL_STATES } from '../domain/model-state.js';
import { FAILURE_CODES } from '../domain/scenarios.js';
import { html, raw, type SafeHtml } from '../http/html.js';
import { FAULT_STATUSES } from '../store/faults.js';
import type { listParts } from './list-parts.js';
import type { PageConfig } from './markup.js';

type PageParts = ReturnType<typeof listParts>;

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

export function createForm(config: PageConfig): SafeHtml {
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

export function modelsForm(config: PageConfig, parts: PageParts): SafeHtml {
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

export function clockForm(manual: boolean): SafeHtml {
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

/** Set, scale, pause, resume and reset the clock (scale, pause and resume need a real clock). */
export function clockVerbsForm(manual: boolean): SafeHtml {
  const realOnly = manual ? html` disabled` : '';
  return html`<form id="clock-verbs-form" class="card">
<h3>Clock time and speed</h3>
<p class="hint">Set moves the clock to an instant, never before the newest task; reset puts it back at its start. ${
    manual
      ? html`Scale, pause and resume need a real clock (<code>--clock real</code>).`
      : html`Scale, pause and resume change how the real clock runs.`
  }</p>
<label for="clock-at">Set to (ISO date or ms since epoch)</label>
<input id="clock-at" name="at" type="text" placeholder="2025-01-01T12:00:00Z" autocomplete="off">
<label for="clock-factor">Speed factor (up to 1000)</label>
<input id="clock-factor" name="factor" type="number" min="0.001" max="1000" step="any" value="10"${realOnly}>
<div class="button-row">
<button type="submit" data-verb="set">Set</button>
<button type="submit" data-verb="scale"${realOnly}>Scale</button>
<button type="submit" data-verb="pause"${realOnly}>Pause</button>
<button type="submit" data-verb="resume"${realOnly}>Resume</button>
<button type="submit" data-verb="reset">Reset clock</button>
</div>
</form>
`;
}

export function faultForm(parts: PageParts): SafeHtml {
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
<p class="hint">Forgets every task, credit balance, callback attempt and fault, and puts the clock back at its start.</p>
<button type="button" class="danger" data-action="reset">Reset the mock</button>
</div>
`;
}
