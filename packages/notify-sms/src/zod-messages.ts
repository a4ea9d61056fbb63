/**
 * The schemas of the text and phone entries (`@motcua/notify-sms/text`, `/phone`) use zod's
 * tree-shakable API (`zod/mini`), so that counting segments or normalising a number does not
 * bundle zod's classic API and its locales. Mini sets no messages of its own: these entries parse
 * with zod's English messages ({@link parseOptions}), the ones the classic API gives the rest of
 * the package.
 */

import type * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

const english = en().localeError;

/** The `safeParse` options that give zod's English messages. */
export const parseOptions = { error: english } satisfies z.core.ParseContext<z.core.$ZodIssue>;
