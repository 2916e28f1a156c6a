// Shared pieces of the dashboard's markup (rendered on the server): the page's configuration, times
// and numbers as shown, badges, progress bars and facts. Every value that comes from a request goes
// through `html`, which escapes it.
import { html, type SafeHtml } from '../http/html.js';

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

/** Named fragments; the page replaces the element `[data-part=<name>]` with each. */
export type Parts = Record<string, string>;

export const n = (value: number) => value.toLocaleString('en-US');

/** `2025-01-01 12:00:05Z` (or with milliseconds); the server's clock, in UTC. */
export function formatTime(ms: number, withMs = false): string {
  const iso = new Date(ms).toISOString().replace('T', ' ');
  return withMs ? iso : iso.replace(/\.\d+Z$/, 'Z');
}

export function badge(status: string, text = status): SafeHtml {
  return html`<span class="badge badge-${status}">${text}</span>`;
}

export function progressBar(id: string, value: number): SafeHtml {
  return html`<span class="progress"><progress max="100" value="${value}" aria-label="Progress of ${id}">${value} %</progress><span class="progress-text">${value} %</span></span>`;
}

export function outcomeText(outcome: string): string {
  return outcome === 'in_flight' ? 'in flight' : outcome;
}

export function fact(term: string, value: SafeHtml | string): SafeHtml {
  return html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
}

/** A video's length and shape, e.g. `10 s · 16:9`; models without an aspect ratio show the length alone. */
export function videoShape(duration: number, aspectRatio: string): string {
  return aspectRatio ? `${duration} s · ${aspectRatio}` : `${duration} s`;
}
