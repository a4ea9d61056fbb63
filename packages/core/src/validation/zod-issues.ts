import type { z } from 'zod';
import { type FieldIssue, ValidationError } from '../errors/dossier-errors.js';

/** Turns zod issues into field issues (`a.b[2].c: message`), never echoing values. */
export function zodIssues(error: z.ZodError, root: string): FieldIssue[] {
  return error.issues.map((issue) => {
    let field = root;
    for (const key of issue.path) field += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
    const message =
      issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.join(', ')}` : issue.message;
    return { field, message };
  });
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
