import { escapeHtml } from '@motcua/core/forms';

/** Markup that is already safe to send: built by {@link html} or marked by {@link trustedHtml}. */
export class SafeHtml {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

/**
 * A template tag for HTML: every interpolated value is escaped (`& < > " '`) unless it is a
 * {@link SafeHtml}; arrays are joined; `null`, `undefined` and `false` render nothing. Values
 * cannot reach the page unescaped by forgetting a call.
 * @example
 * ```ts
 * html`<td>${code}</td>`; // code '<b>' renders as '&lt;b&gt;'
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Marks constant markup written in this code base as safe. Never pass it input from a request. */
export function trustedHtml(text: string): SafeHtml {
  return new SafeHtml(text);
}
