// The dashboard's HTML templates: hono/html's escaping, typed for templates that never interpolate a promise.
import { html as honoHtml, raw as honoRaw } from 'hono/html';

/** Markup that is safe to insert as is (built by `html` or `raw`); `toString()` gives the text. */
export type SafeHtml = ReturnType<typeof honoRaw>;

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

/**
 * `html\`<p>${text}</p>\`` escapes `text`; nested `html` results and arrays of them are kept as
 * markup; null, undefined and booleans render nothing. Synchronous: no value here is a promise.
 */
export const html = honoHtml as (strings: TemplateStringsArray, ...values: HtmlValue[]) => SafeHtml;

/** Trusted markup (constants written in this package only). */
export const raw = (markup: string): SafeHtml => honoRaw(markup);
