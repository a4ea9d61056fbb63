import { z } from 'zod';
import { formatInstant } from './instant-format.js';

/**
 * Who acts on a dossier: an officer (cán bộ) of a unit (đơn vị / bộ phận). Every event names one.
 * `roles` grant rights beyond holding the dossier (e.g. `'agency-head'` may sign an apology).
 */
export const ActorSchema = z
  .object({
    officerId: z.string().min(1),
    unitId: z.string().min(1),
    /** Officer's name as printed on the control slip and the forms. */
    name: z.string().min(1).optional(),
    roles: z.array(z.string().min(1)).default([]),
  })
  .strict();
/** See {@link ActorSchema}. */
export type Actor = z.output<typeof ActorSchema>;
/** An actor as passed in (roles optional). */
export type ActorInput = z.input<typeof ActorSchema>;

/** An instant as an ISO 8601 string with an offset, e.g. `'2026-02-24T10:00:00+07:00'`. */
export const InstantSchema = z.iso.datetime({ offset: true });
/** See {@link InstantSchema}. */
export type Instant = z.infer<typeof InstantSchema>;

/**
 * The ISO string of a `Date` (UTC, milliseconds).
 *
 * @example
 * ```ts
 * import { toInstant } from '@motcua/core';
 * toInstant(new Date('2026-03-02T09:30:00+07:00')); // '2026-03-02T02:30:00.000Z'
 * ```
 */
export function toInstant(date: Date): Instant {
  return formatInstant(date.getTime());
}

/** The last text {@link canonicalInstant} found already canonical. */
let lastCanonical = '';

/** motcua's one form of an instant: `YYYY-MM-DDTHH:mm:ss.sssZ`. */
const CANONICAL_INSTANT = /^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d\.\d{3}Z$/;

/**
 * An instant already checked by {@link InstantSchema}, in the one form motcua keeps (UTC ISO with
 * milliseconds, as {@link toInstant} writes it). A string already in that form is returned as is
 * (no `Date` round trip on the hot path); any other offset or precision is converted.
 *
 * @example
 * ```ts
 * import { canonicalInstant } from '@motcua/core';
 * canonicalInstant('2026-03-02T09:30:00+07:00'); // '2026-03-02T02:30:00.000Z'
 * ```
 */
export function canonicalInstant(iso: string): Instant {
  if (iso === lastCanonical) return iso;
  if (!CANONICAL_INSTANT.test(iso)) return formatInstant(Date.parse(iso));
  lastCanonical = iso;
  return iso;
}
