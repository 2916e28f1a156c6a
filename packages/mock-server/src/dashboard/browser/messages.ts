// The page's two message lines: a notice of what an action did, and the error that stopped one.
import { ApiError, messageOf } from './api.js';
import { element } from './page.js';

const noticeEl = element('#notice');
const errorEl = element('#error');

export function notice(text: string): void {
  errorEl.textContent = '';
  noticeEl.textContent = text;
}

export function clearError(): void {
  errorEl.textContent = '';
}

/** Shows what went wrong: the API's own message for a refusal, anything else as unexpected. */
export function report(err: unknown): void {
  errorEl.textContent = err instanceof ApiError ? err.message : `Unexpected error: ${messageOf(err)}`;
}
