import { SmsError } from '../errors.js';
import { findPersonalIdLike } from '../personal-data/find-personal-id.js';
import { describeCodePoint } from '../text/describe-code-point.js';
import { chooseSmsVariant, type DiacriticsPolicy, type SmsVariant } from '../text/diacritics-policy.js';
import { nonGsm7Characters } from '../text/gsm7.js';
import type { SegmentCount, SmsEncoding } from '../text/segments.js';
import { withoutDiacritics } from '../text/without-diacritics.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import { fillTemplate } from './fill-template.js';
import { type NoticeKind, NoticeKindSchema, REQUIRED_VARIABLES } from './notice-kinds.js';
import { type ParsedTemplate, parseTemplate } from './parse-template.js';
import { resolveValues } from './resolve-values.js';
import {
  type SmsTemplatesConfig,
  type SmsTemplatesOptions,
  SmsTemplatesOptionsSchema,
  type SmsValues,
} from './sms-templates-options.js';
import { DEFAULT_VARIABLES, type VariableDefinition } from './variables.js';

/** One template in effect, as {@link SmsTemplates.list} describes it. */
export interface TemplateInfo {
  /** `'receipt'` for a template of every procedure, `'1.001193/receipt'` for one procedure's. */
  id: string;
  notice: NoticeKind;
  /** The procedure code for a per-procedure template; `undefined` otherwise. */
  procedure: string | undefined;
  /** The template text as written. */
  text: string;
  /** Variables used, in order. */
  variables: string[];
  /** The form the policy picks, rendered with the longest realistic values (or the fixed ones). */
  longest: SegmentCount;
}

/** A message ready to hand to a gateway. */
export interface RenderedSms {
  templateId: string;
  notice: NoticeKind;
  procedure: string | undefined;
  /** The text to send. */
  text: string;
  /** Whether `text` is the form with diacritics. */
  diacritics: boolean;
  encoding: SmsEncoding;
  segments: number;
  count: SegmentCount;
  /** Both forms, for logs and cost reports. */
  withDiacritics: SmsVariant;
  withoutDiacritics: SmsVariant;
}

/** Options of {@link SmsTemplates.render}. */
export interface RenderOptions {
  /** Procedure code; its own templates win over the general ones. */
  procedure?: string;
}

/** The checked set of templates that {@link createSmsTemplates} returns. */
export interface SmsTemplates {
  readonly policy: DiacriticsPolicy;
  readonly maxSegments: number;
  /**
   * Renders one notice. Errors: `UNKNOWN_TEMPLATE`, `MISSING_VALUE`, `PERSONAL_ID_IN_TEXT`,
   * `NOT_GSM7`, `MESSAGE_TOO_LONG` (a value longer than its realistic maximum).
   */
  render(notice: NoticeKind, values: SmsValues, options?: RenderOptions): RenderedSms;
  /** Every template in effect, general ones first, with its worst-case length. */
  list(): TemplateInfo[];
}

interface CompiledTemplate {
  id: string;
  field: string;
  notice: NoticeKind;
  procedure: string | undefined;
  text: string;
  parsed: ParsedTemplate;
  longest: SegmentCount;
}

function invalidOption(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): never {
  const issue = error.issues[0];
  const field = (issue?.path ?? []).map(String).join('.') || 'options';
  throw new SmsError('INVALID_OPTION', `${field}: ${issue?.message ?? 'invalid options'}`, { field });
}

function describeCount(count: SegmentCount): string {
  const unit = count.encoding === 'GSM-7' ? 'septets' : 'UCS-2 code units';
  return `${count.segments} segments (${count.encoding}, ${count.unitsUsed} ${unit})`;
}

function compile(
  config: SmsTemplatesConfig,
  catalogue: Readonly<Record<string, VariableDefinition>>,
  notice: NoticeKind,
  text: string,
  procedure: string | undefined,
  field: string,
): CompiledTemplate {
  const id = procedure === undefined ? notice : `${procedure}/${notice}`;
  const parsed = parseTemplate(text, id, field);
  for (const name of parsed.variables) {
    if (!Object.hasOwn(catalogue, name)) {
      throw new SmsError(
        'UNKNOWN_VARIABLE',
        `template '${id}' uses unknown variable {${name}}; known variables: ${Object.keys(catalogue).join(', ')}`,
        { field, value: name },
      );
    }
  }
  for (const name of REQUIRED_VARIABLES[notice]) {
    if (!parsed.variables.includes(name)) {
      throw new SmsError(
        'MISSING_VARIABLE',
        `template '${id}' must use {${name}}: a ${notice} notice needs it`,
        {
          field,
          value: name,
        },
      );
    }
  }
  for (const part of parsed.parts) {
    if (part.kind === 'text' && findPersonalIdLike(part.text) !== undefined) {
      throw new SmsError(
        'PERSONAL_ID_IN_TEXT',
        `template '${id}': its text holds a number that looks like a personal ID number`,
        { field },
      );
    }
  }
  if (config.policy === 'always-without-diacritics') {
    const literal = parsed.parts.map((part) => (part.kind === 'text' ? part.text : '')).join('');
    const bad = nonGsm7Characters(withoutDiacritics(literal));
    if (bad.length > 0) {
      const chars = bad.map(describeCodePoint);
      throw new SmsError(
        'NOT_GSM7',
        `template '${id}': its text holds ${chars.join(', ')}, which has no form without diacritics in GSM-7 ` +
          "(policy 'always-without-diacritics')",
        { field, value: chars },
      );
    }
  }
  const samples: Record<string, string> = {};
  for (const name of parsed.variables) samples[name] = catalogue[name]!.longestExample;
  const values = resolveValues({
    templateId: id,
    variables: parsed.variables,
    values: {},
    fixedValues: { ...samples, ...config.fixedValues },
    policy: config.policy,
    fieldPrefix: 'variables',
  });
  const choice = chooseSmsVariant(fillTemplate(parsed, values), config.policy);
  const count = choice.chosen.count;
  if (count.segments > config.maxSegments) {
    throw new SmsError(
      'TEMPLATE_TOO_LONG',
      `template '${id}' needs ${describeCount(count)} with the longest realistic values; ` +
        `the limit is ${config.maxSegments} (maxSegments, policy '${config.policy}')`,
      { field, value: count.segments },
    );
  }
  return { id, field, notice, procedure, text, parsed, longest: count };
}

/**
 * Builds and checks the SMS templates: the built-in Vietnamese texts, replaced where the options
 * say, per procedure where a procedure has its own. Every check that can run without values runs
 * here: placeholder syntax, unknown variables (the error names the template and the variable),
 * variables the notice requires, ID-like numbers in the text, and whether the template fits in
 * `maxSegments` with the longest realistic values under the policy.
 *
 * @example
 * ```ts
 * import { createSmsTemplates } from '@motcua/notify-sms';
 * const sms = createSmsTemplates({
 *   policy: 'always-without-diacritics',
 *   fixedValues: { agency: 'UBND phường Bến Nghé', lookupUrl: 'dichvucong.gov.vn' },
 *   procedures: { '1.001193': { receipt: 'Hồ sơ khai sinh {dossierCode} đã được tiếp nhận, hẹn trả {returnDate}.' } },
 * });
 * const message = sms.render('receipt', { dossierCode: '000.00.14.H56-260107-0001', returnDate: '15/07/2026' });
 * message.text;     // 'UBND phuong Ben Nghe da tiep nhan ho so 000.00.14.H56-260107-0001. Hen tra ket qua: 15/07/2026. …'
 * message.segments; // 1
 * ```
 */
export function createSmsTemplates(options: SmsTemplatesOptions = {}): SmsTemplates {
  const parsedOptions = SmsTemplatesOptionsSchema.safeParse(options);
  if (!parsedOptions.success) invalidOption(parsedOptions.error);
  const config = parsedOptions.data;
  const catalogue: Record<string, VariableDefinition> = { ...DEFAULT_VARIABLES, ...config.variables };

  for (const [name, definition] of Object.entries(config.variables)) {
    if (findPersonalIdLike(definition.longestExample) !== undefined) {
      throw new SmsError(
        'PERSONAL_ID_IN_TEXT',
        `variable {${name}}: longestExample looks like a personal ID number`,
        { field: `variables.${name}.longestExample` },
      );
    }
  }
  for (const [name, value] of Object.entries(config.fixedValues)) {
    const field = `fixedValues.${name}`;
    if (!Object.hasOwn(catalogue, name)) {
      throw new SmsError(
        'UNKNOWN_VARIABLE',
        `fixed value for unknown variable {${name}}; known variables: ${Object.keys(catalogue).join(', ')}`,
        { field, value: name },
      );
    }
    if (findPersonalIdLike(value) !== undefined) {
      throw new SmsError('PERSONAL_ID_IN_TEXT', `fixed value of {${name}} looks like a personal ID number`, {
        field,
      });
    }
  }

  const general = new Map<NoticeKind, CompiledTemplate>();
  for (const notice of NoticeKindSchema.options) {
    const override = config.templates[notice];
    const field = override === undefined ? `defaults.${notice}` : `templates.${notice}`;
    general.set(
      notice,
      compile(config, catalogue, notice, override ?? DEFAULT_TEMPLATES[notice], undefined, field),
    );
  }
  const perProcedure = new Map<string, Map<NoticeKind, CompiledTemplate>>();
  for (const [procedure, templates] of Object.entries(config.procedures)) {
    const compiled = new Map<NoticeKind, CompiledTemplate>();
    for (const notice of NoticeKindSchema.options) {
      const text = templates[notice];
      if (text === undefined) continue;
      compiled.set(
        notice,
        compile(config, catalogue, notice, text, procedure, `procedures.${procedure}.${notice}`),
      );
    }
    perProcedure.set(procedure, compiled);
  }

  const render = (notice: NoticeKind, values: SmsValues, renderOptions: RenderOptions = {}): RenderedSms => {
    const procedure = renderOptions.procedure;
    const template =
      (procedure === undefined ? undefined : perProcedure.get(procedure)?.get(notice)) ?? general.get(notice);
    if (template === undefined) {
      throw new SmsError(
        'UNKNOWN_TEMPLATE',
        `no template for notice ${JSON.stringify(notice)}; notices: ${NoticeKindSchema.options.join(', ')}`,
        { field: 'notice', value: notice },
      );
    }
    if (values === null || typeof values !== 'object') {
      throw new SmsError('MISSING_VALUE', `template '${template.id}': values must be an object`, {
        field: 'values',
      });
    }
    const resolved = resolveValues({
      templateId: template.id,
      variables: template.parsed.variables,
      values,
      fixedValues: config.fixedValues,
      policy: config.policy,
      fieldPrefix: 'values',
    });
    const choice = chooseSmsVariant(fillTemplate(template.parsed, resolved), config.policy);
    const count = choice.chosen.count;
    if (count.segments > config.maxSegments) {
      const overlong = template.parsed.variables.filter(
        (name) => (resolved.get(name)?.length ?? 0) > catalogue[name]!.longestExample.length,
      );
      const hint =
        overlong.length === 0
          ? ''
          : `; longer than their longestExample: ${overlong.map((name) => `{${name}}`).join(', ')}`;
      throw new SmsError(
        'MESSAGE_TOO_LONG',
        `template '${template.id}' renders to ${describeCount(count)}; the limit is ${config.maxSegments}${hint}`,
        { field: 'values', value: count.segments },
      );
    }
    return {
      templateId: template.id,
      notice,
      procedure,
      text: choice.chosen.text,
      diacritics: choice.chosen.diacritics,
      encoding: count.encoding,
      segments: count.segments,
      count,
      withDiacritics: choice.withDiacritics,
      withoutDiacritics: choice.withoutDiacritics,
    };
  };

  const list = (): TemplateInfo[] =>
    [...general.values(), ...[...perProcedure.values()].flatMap((m) => [...m.values()])].map((t) => ({
      id: t.id,
      notice: t.notice,
      procedure: t.procedure,
      text: t.text,
      variables: [...t.parsed.variables],
      longest: t.longest,
    }));

  return { policy: config.policy, maxSegments: config.maxSegments, render, list };
}
