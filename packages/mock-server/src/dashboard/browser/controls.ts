// The page's controls: each form or button calls the admin API (or the public API to create a task),
// says what it did, and brings the page up to date. Everything written here goes through textContent.
import { request } from './api.js';
import { clearError, notice, report } from './messages.js';
import { ADMIN, element, field } from './page.js';
import { closeTask, refreshAll, refreshList, state } from './view.js';

/** The fields of the public API's and the admin API's answers that the notices read. */
interface CreatedTask {
  id: string;
  status: string;
}
interface ClockAnswer {
  iso: string;
  factor?: number;
  paused?: boolean;
}
interface FaultAnswer {
  fault: { id: number; count: number; status?: number; delayMs?: number };
}
interface ModelAnswer {
  model: { model_id: string; state: string };
}
interface RedeliverAnswer {
  webhookId: string;
  mutate: string;
  url: string;
}

const busy = new WeakSet<Element>();

/**
 * Runs an action for a form or button: one at a time, errors shown in the page, and the page brought
 * up to date afterwards whatever the answer (a refused action may still have changed something).
 */
async function act(container: Element, fn: () => Promise<void>): Promise<void> {
  if (busy.has(container)) return;
  busy.add(container);
  container.setAttribute('aria-busy', 'true');
  clearError();
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

const numberOf = (value: unknown): number | undefined =>
  String(value).trim() === '' ? undefined : Number(value);

/** The list's filters: the first page of what they select. */
function applyFilter(form: HTMLFormElement): Promise<void> {
  const f = new FormData(form);
  state.status = String(f.get('status') || '');
  state.q = String(f.get('q') || '').trim();
  state.limit = Number(f.get('limit')) || 50;
  state.offset = 0;
  return refreshList().catch(report);
}

type SubmitHandler = (form: HTMLFormElement, submitter: HTMLElement | null) => Promise<void>;

const submitHandlers: Record<string, SubmitHandler> = {
  'create-form': (form) => {
    const f = new FormData(form);
    // Only what was chosen is sent: the model's schema fills in its own defaults.
    const body: Record<string, string | number> = {
      model: String(f.get('model') || ''),
      prompt: String(f.get('prompt') || ''),
    };
    const duration = numberOf(f.get('duration'));
    if (duration !== undefined) body.duration = duration;
    const aspect = String(f.get('aspect_ratio') || '');
    if (aspect) body.aspect_ratio = aspect;
    const callbackUrl = String(f.get('callback_url') || '').trim();
    if (callbackUrl) body.callback_url = callbackUrl;
    const headers: Record<string, string> = {
      authorization: `Bearer ${String(f.get('api_key') || '').trim()}`,
    };
    const scenario = String(f.get('scenario') || '').trim();
    if (scenario) headers['x-mock-scenario'] = scenario;
    return act(form, async () => {
      const task = await request<CreatedTask>('POST', '/v1/videos/generations', {
        admin: false,
        body,
        headers,
      });
      notice(`Created task ${task.id} (${task.status}) for the prompt “${body.prompt}”.`);
      state.offset = 0;
      location.hash = `task=${encodeURIComponent(task.id)}`;
    });
  },
  'clock-form': (form, submitter) => {
    const ms = submitter?.dataset.ms ? Number(submitter.dataset.ms) : numberOf(field(form, 'ms').value);
    return act(form, async () => {
      const answer = await request<ClockAnswer>('POST', `${ADMIN}/clock/advance`, { body: { ms } });
      notice(`Clock advanced by ${Number(ms).toLocaleString('en-US')} ms, to ${answer.iso}.`);
    });
  },
  'clock-verbs-form': (form, submitter) => {
    const verb = submitter?.dataset.verb ?? 'set';
    const f = new FormData(form);
    const at = String(f.get('at') || '').trim();
    const body =
      verb === 'set'
        ? { at: /^\d+$/.test(at) ? Number(at) : at }
        : verb === 'scale'
          ? { factor: numberOf(f.get('factor')) }
          : undefined;
    return act(form, async () => {
      const answer = await request<ClockAnswer>('POST', `${ADMIN}/clock/${verb}`, body ? { body } : {});
      notice(`Clock ${verb}: now ${answer.iso}, factor ${answer.factor}${answer.paused ? ', paused' : ''}.`);
    });
  },
  'fault-form': (form) => {
    const f = new FormData(form);
    const body: Record<string, number | undefined> = {
      count: numberOf(f.get('count')),
      delayMs: numberOf(f.get('delayMs')),
    };
    const status = String(f.get('status') || '');
    if (status) body.status = Number(status);
    return act(form, async () => {
      const { fault } = await request<FaultAnswer>('POST', `${ADMIN}/faults`, { body });
      notice(
        `Fault #${fault.id} injected: the next ${fault.count} request(s) to /v1/ ` +
          (fault.status ? `answer ${fault.status}` : 'answer normally') +
          (fault.delayMs ? ` after ${fault.delayMs} ms` : '') +
          '.',
      );
    });
  },
  'filter-form': applyFilter,
  'model-form': (form) => {
    const f = new FormData(form);
    const model = String(f.get('model') || '');
    const state = String(f.get('state') || '') || null;
    return act(form, async () => {
      const answer = await request<ModelAnswer>('POST', `${ADMIN}/models`, { body: { model, state } });
      notice(`${answer.model.model_id} is now ${answer.model.state}.`);
    });
  },
  'redeliver-form': (form) => {
    const id = form.dataset.task ?? '';
    const f = new FormData(form);
    const body: Record<string, string> = { mutate: String(f.get('mutate') || 'none') };
    const url = String(f.get('url') || '').trim();
    if (url) body.url = url;
    return act(form, async () => {
      const answer = await request<RedeliverAnswer>(
        'POST',
        `${ADMIN}/tasks/${encodeURIComponent(id)}/redeliver`,
        { body },
      );
      notice(`Redelivery ${answer.webhookId} (${answer.mutate}) sent to ${answer.url}.`);
    });
  },
};

type ClickHandler = (button: HTMLElement) => Promise<void> | undefined;

const clickHandlers: Record<string, ClickHandler> = {
  page: (button) => {
    state.offset = Number(button.dataset.offset) || 0;
    return refreshList().catch(report);
  },
  'close-task': () => {
    closeTask(true);
    return undefined;
  },
  cancel: (button) =>
    act(button, async () => {
      const id = button.dataset.task ?? '';
      await request('POST', `${ADMIN}/tasks/${encodeURIComponent(id)}/cancel`);
      notice(`Task ${id} cancelled: it ends as failed / request_cancelled.`);
    }),
  'clear-faults': (button) =>
    act(button, async () => {
      await request('DELETE', `${ADMIN}/faults`);
      notice('Every injected fault dropped.');
    }),
  reset: (button) => {
    if (
      !window.confirm('Reset the mock? Every task, credit balance, callback attempt and fault is forgotten.')
    ) {
      return undefined;
    }
    return act(button, async () => {
      // Closed first: the change event of the reset may arrive before its answer, and a refresh of
      // the open task would then ask for a task that no longer exists.
      closeTask(false);
      await request('POST', `${ADMIN}/reset`);
      notice('The mock was reset.');
      state.offset = 0;
    });
  },
};

/** Routes every form submit and [data-action] click of the page to its handler. */
export function bindControls(): void {
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const handler = submitHandlers[form.id];
    if (!handler) return;
    event.preventDefault();
    handler(form, event.submitter);
  });

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!(target instanceof HTMLElement)) return;
    const handler = clickHandlers[target.dataset.action ?? ''];
    if (handler) handler(target);
  });

  // The filters apply as they change; the search once typing pauses.
  const filterForm = element<HTMLFormElement>('#filter-form');
  for (const name of ['status', 'limit']) {
    field(filterForm, name).addEventListener('change', () => applyFilter(filterForm));
  }
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  field(filterForm, 'q').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => applyFilter(filterForm), 300);
  });
}
