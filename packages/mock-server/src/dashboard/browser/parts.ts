// Swaps server-rendered (already escaped) parts into the page, keeping focus and open <details>;
// a part whose markup did not change is left alone, so a playing video keeps playing.

const lastMarkup = new WeakMap<Element, string>();

function focusSelector(el: Element): string | null {
  if (el.id) return `#${CSS.escape(el.id)}`;
  if (el instanceof HTMLElement && el.dataset.focusKey) {
    return `[data-focus-key="${CSS.escape(el.dataset.focusKey)}"]`;
  }
  return null;
}

function swap(el: Element, markup: string): void {
  const active = document.activeElement;
  const selector = active && active !== el && el.contains(active) ? focusSelector(active) : null;
  const open = new Set<string | undefined>();
  for (const d of el.querySelectorAll<HTMLDetailsElement>('details[open][data-key]')) open.add(d.dataset.key);
  el.innerHTML = markup;
  for (const d of el.querySelectorAll<HTMLDetailsElement>('details[data-key]')) {
    if (open.has(d.dataset.key)) d.open = true;
  }
  if (selector) {
    // The same control if it is still there and usable, else the first one in its place.
    let target = el.querySelector<HTMLElement>(selector);
    if (!target || ('disabled' in target && target.disabled)) {
      target = el.querySelector<HTMLElement>('a[href], button:not([disabled]), input, select, textarea');
    }
    target?.focus();
  }
}

/** Puts each named part into every element marked data-part="name". */
export function applyParts(parts: Record<string, string>): void {
  for (const [name, markup] of Object.entries(parts)) {
    for (const el of document.querySelectorAll(`[data-part="${name}"]`)) {
      if (lastMarkup.get(el) === markup) continue;
      lastMarkup.set(el, markup);
      swap(el, markup);
    }
  }
}

/** Empties the parts inside a container, so the next markup is applied whatever it is. */
export function clearParts(container: Element): void {
  for (const el of container.querySelectorAll('[data-part]')) {
    lastMarkup.delete(el);
    el.textContent = '';
  }
}
