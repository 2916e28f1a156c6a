// The task list's parts, which the page swaps in as things change: the rows, the pager, the counts, the
// clock, the pending faults and the models' states.
import type { AdminSchemas } from '@videotask/spec';
import type { ClockView } from '../core/clock-commands.js';
import type { ChaosProfile } from '../domain/chaos.js';
import { html, type SafeHtml } from '../http/html.js';
import type { Fault } from '../store/faults.js';
import { badge, formatTime, n, outcomeText, type Parts, progressBar, videoShape } from './markup.js';
import type { TaskPage, TaskRow } from './query.js';

/** A served model and its state, as the admin API lists it. */
export type ModelRow = AdminSchemas['ModelStateEntry'];

function row(r: TaskRow, selected: string | null): SafeHtml {
  const current = r.id === selected;
  return html`<tr${current ? html` class="selected"` : ''}>
<th scope="row"><a href="#task=${r.id}" data-focus-key="row:${r.id}"${current ? html` aria-current="true"` : ''}><code>${r.id}</code></a></th>
<td>${badge(r.status)}${r.cancelled ? html` <span class="muted">(cancelled)</span>` : ''}</td>
<td>${progressBar(r.id, r.progress)}</td>
<td>${r.scenario ? html`<code>${r.scenario}</code>` : html`<span class="muted">—</span>`}</td>
<td><code>${r.model}</code> · ${videoShape(r.duration, r.aspectRatio)}</td>
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

/** What the page's header says of the server beside the tasks: its clock and the chaos profile in force. */
export interface ServerState {
  faults: Fault[];
  clock: Pick<ClockView, 'mode' | 'factor' | 'paused'>;
  chaos: ChaosProfile | null;
  models: ModelRow[];
}

export function clockPart({ mode, factor, paused }: ServerState['clock'], now: number): string {
  const speed = factor === 1 ? '' : html` <span class="clock-speed">×${factor}</span>`;
  return html`<span class="clock-mode">${mode} clock</span>${speed}${paused ? html` <strong>paused</strong>` : ''} <time datetime="${new Date(now).toISOString()}">${formatTime(now, mode === 'manual')}</time>`.toString();
}

export function chaosPart(profile: ChaosProfile | null): string {
  return profile
    ? html`chaos: <code>${profile}</code>`.toString()
    : html`<span class="muted">no chaos profile</span>`.toString();
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

export function listParts(page: TaskPage, state: ServerState, selected: string | null) {
  return {
    counts: countsPart(page),
    rows: rowsPart(page, selected),
    pager: pagerPart(page),
    faults: faultsPart(state.faults),
    clock: clockPart(state.clock, page.now),
    chaos: chaosPart(state.chaos),
    models: modelsPart(state.models),
  } satisfies Parts;
}

function modelsPart(models: ModelRow[]): string {
  return html`<ul class="model-states">${models.map(
    (m) => html`<li><code>${m.model_id}</code> ${badge(m.state)}</li>`,
  )}</ul>`.toString();
}
