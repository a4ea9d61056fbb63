import type { z } from 'zod';
import { type FieldIssue, ValidationError } from '../errors/dossier-errors.js';
import { safeText } from '../errors/motcua-error.js';

/**
 * Turns zod issues into field issues (`a.b[2].c: message`), never echoing values. Unknown keys are
 * named (at most three, each cut at 40 characters, control characters escaped): they help the
 * author of a definition; an HTTP service should not copy them back to a caller (see the example
 * server's problem responses).
 */
export function zodIssues(error: z.ZodError, root: string): FieldIssue[] {
  return error.issues.map((issue) => {
    let field = root;
    for (const key of issue.path) field += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
    const message = issue.code === 'unrecognized_keys' ? unknownKeys(issue.keys) : issue.message;
    return { field, message };
  });
}

/** `unknown key(s) a, b, c and 2 more`, each name made safe. */
export function unknownKeys(keys: readonly string[]): string {
  const named = keys.slice(0, 3).map((k) => safeText(k, 40));
  return `unknown key(s) ${named.join(', ')}${keys.length > 3 ? ` and ${keys.length - 3} more` : ''}`;
}

/**
 * Parses `value` with `schema`, or throws a {@link ValidationError} listing every bad field.
 * @param what what is being parsed, for the message (e.g. `'application'`).
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  root = what,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(what, zodIssues(result.error, root));
  return result.data;
}
