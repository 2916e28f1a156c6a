// The task view's parts: a task's facts, its JSON, its video, what can be done with it (cancel, or
// redeliver its callback) and every callback attempt with the headers and body sent.
import type { AdminTask } from '../core/views.js';
import { type DeliveryAttempt, REDELIVER_MUTATIONS } from '../domain/delivery-attempt.js';
import { isPortrait } from '../http/files.js';
import { html, type SafeHtml } from '../http/html.js';
import { badge, fact, formatTime, outcomeText, type Parts, progressBar, videoShape } from './markup.js';
import { shortKey } from './query.js';

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
${a.traceparent ? fact('traceparent', html`<code class="wrap">${a.traceparent}</code>`) : ''}
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
    const portrait = isPortrait(view.aspectRatio);
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
${fact('model', html`<code>${view.task.model}</code>`)}
${fact('video', `${videoShape(view.duration, view.aspectRatio)}${view.imageToVideo ? ' · image-to-video' : ''}${view.removeWatermark ? '' : ' · watermark'}`)}
${fact('price', `${view.priceCredits} credits${view.settled ? ' (settled)' : ''}`)}
${fact('callback_url', view.callbackUrl ? html`<code class="wrap">${view.callbackUrl}</code>` : 'none')}
${view.traceparent ? fact('traceparent', html`<code class="wrap">${view.traceparent}</code>`) : ''}
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
