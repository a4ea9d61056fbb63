import { z } from 'zod';
import { DiacriticsPolicySchema } from '../text/diacritics-policy.js';
import { NoticeKindSchema } from './notice-kinds.js';
import { VariableDefinitionSchema, VariableNameSchema } from './variables.js';

/** A template text: Vietnamese with diacritics, variables as `{name}`, `{{`/`}}` for braces. */
export const TemplateTextSchema = z.string().trim().min(1);

/** Template texts by notice; a notice left out keeps the text from the level above. */
export const NoticeTemplatesSchema = z.partialRecord(NoticeKindSchema, TemplateTextSchema);
/** See {@link NoticeTemplatesSchema}. */
export type NoticeTemplates = z.infer<typeof NoticeTemplatesSchema>;

/** Options of `createSmsTemplates`. */
export const SmsTemplatesOptionsSchema = z
  .object({
    /** Which form is sent; default `always-without-diacritics` (brandname gateways ask for it). */
    policy: z._default(DiacriticsPolicySchema, 'always-without-diacritics'),
    /** Most segments a message may take (checked with the longest values, and at render). Default 2. */
    maxSegments: z.number().int().min(1).max(10).default(2),
    /** Extra variables, or built-in ones with a different `longestExample`. */
    variables: z.record(VariableNameSchema, VariableDefinitionSchema).default({}),
    /** Replacements for the built-in templates, for every procedure. */
    templates: NoticeTemplatesSchema.default({}),
    /** Templates for one procedure, by procedure code (e.g. `'1.001193'`); they win over `templates`. */
    procedures: z.record(z.string().trim().min(1), NoticeTemplatesSchema).default({}),
    /** Values the same for every message (e.g. `lookupUrl`, `hotline`); values given at render win. */
    fixedValues: z.record(VariableNameSchema, z.string().min(1)).default({}),
  })
  .strict();
/** Options as written by the caller. */
export type SmsTemplatesOptions = z.input<typeof SmsTemplatesOptionsSchema>;
/** Options after validation, defaults applied. */
export type SmsTemplatesConfig = z.output<typeof SmsTemplatesOptionsSchema>;

/** Values for one message, by variable name. Numbers are written as they are. */
export const SmsValuesSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.null(), z.undefined()]),
);
/** See {@link SmsValuesSchema}. */
export type SmsValues = z.input<typeof SmsValuesSchema>;
