// The page's settings (from the <meta> tags the server writes) and its fixed elements.

const meta = (name: string): string =>
  document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') || '';

/** Where the dashboard's own routes are (its parts and its event stream). */
export const BASE = meta('dashboard-base');
/** Where the admin API is: every control acts through it. */
export const ADMIN = meta('admin-base');
/** Sent as x-admin-token when the mock has one (empty otherwise). */
export const TOKEN = meta('admin-token');
export const PAGE_SIZE = Number(meta('page-size')) || 50;

/** An element the page always has; its absence is a bug in the page, said plainly. */
export function element<T extends Element = HTMLElement>(selector: string): T {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`The dashboard page has no ${selector}`);
  return el;
}

/** A named field of a form. */
export function field(
  form: HTMLFormElement,
  name: string,
): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const el = form.elements.namedItem(name);
  if (
    el instanceof HTMLInputElement ||
    el instanceof HTMLSelectElement ||
    el instanceof HTMLTextAreaElement
  ) {
    return el;
  }
  throw new Error(`The form #${form.id} has no field ${name}`);
}
