/**
 * The calendar's schemas use zod's tree-shakable API (`zod/mini`): the calendar entry
 * (`@motcua/core/calendar`) runs in a browser, and zod's classic API cannot be tree-shaken. Mini
 * sets no messages of its own, so the calendar parses with zod's English messages
 * ({@link parseOptions}), the same ones the classic API gives the rest of the core.
 */

import type * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

const english = en().localeError;

/** The `safeParse` options that give zod's English messages. */
export const parseOptions = { error: english } satisfies z.core.ParseContext<z.core.$ZodIssue>;
