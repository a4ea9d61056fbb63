import {
  type AdministrativeLevel,
  defineProcedure,
  type FieldIssue,
  type ProcedureImplementation,
  type TimeLimit,
  TimeLimitSchema,
  type TypedProcedureDefinitionInput,
  ValidationError,
  type WorkingCalendar,
} from '@motcua/core';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

/**
 * The columns of a province's internal process table (quy trình nội bộ), by the headers provinces
 * print (Vietnamese) or their English names: step number, content, unit or title, time, and the
 * national status code of the step; `Trường hợp` (variant) groups rows into cases with their own
 * steps; `Giai đoạn` (phase) numbers the phases of the process.
 */
const COLUMNS = {
  step: ['bước', 'step', 'stt'],
  content: ['nội dung', 'nội dung công việc', 'content'],
  unit: ['đơn vị/chức danh', 'đơn vị', 'chức danh', 'bộ phận', 'unit'],
  time: ['thời gian', 'thời gian thực hiện', 'time'],
  status: ['trạng thái', 'mã trạng thái', 'status'],
  variant: ['trường hợp', 'variant'],
  phase: ['giai đoạn', 'phase'],
} as const;
type Column = keyof typeof COLUMNS;

/** The approving decision of a province's internal process: number and date, and who issued it. */
export interface ApprovingDecision {
  /** E.g. `'2095/QĐ-UBND'`. */
  readonly number: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** E.g. `'UBND tỉnh Đồng Nai'`. */
  readonly issuedBy?: string;
}

/** The approving decision's own problems: a number, a calendar date, an issuer when given (never echoing them). */
function decisionProblems(decision: ApprovingDecision): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  if (!text(decision.number))
    issues.push({ field: 'decision.number', message: 'expected the decision number' });
  if (!z.iso.date().safeParse(decision.date).success)
    issues.push({ field: 'decision.date', message: 'expected a calendar date, YYYY-MM-DD' });
  if (decision.issuedBy !== undefined && !text(decision.issuedBy))
    issues.push({ field: 'decision.issuedBy', message: 'expected the issuer, or leave it out' });
  return issues;
}

/** How {@link processFromTable} builds definitions from a table. */
export interface ProcessTableOptions<S extends z.ZodType> {
  /**
   * Everything of the definition but the process: code, version, names, legal basis, regime,
   * agency, the legal time limit (which the steps must fit), channels, application, dates.
   */
  readonly procedure: Omit<TypedProcedureDefinitionInput<S>, 'steps' | 'units' | 'desk' | 'nationalStatus'>;
  /** The decision approving the process; it is added to the legal basis as the version's source. */
  readonly decision: ApprovingDecision;
  /**
   * The level of local government the process is approved for (cấp tỉnh / cấp xã): when given,
   * each definition also declares the approval in `implementation.internalProcesses` (one process
   * per case, trường hợp), which Biểu II.07b counts; then `decision.issuedBy` is required.
   */
  readonly level?: AdministrativeLevel;
  /** The name the table gives the one-stop desk (default `'Bộ phận Một cửa'`). */
  readonly deskName?: string;
  /**
   * Extensions for areas with a longer limit (e.g. `{ id: 'vung-kho-khan', name: 'Vùng khó khăn',
   * extraWorkingDays: 10 }`): each gives one more definition per case, its version suffixed with
   * the id, its time limit longer by the extra days.
   */
  readonly areaExtensions?: readonly { id: string; name: string; extraWorkingDays: number }[];
  /**
   * A case's own legal time limit, by the case's name in the `Trường hợp` column, e.g.
   * `{ 'Thuê, mượn nhà': { workingDays: 10 } }`; a case without one has the procedure's
   * `timeLimit`. Its steps must fit it, and an area extension adds to it.
   */
  readonly caseLimits?: Readonly<Record<string, TimeLimit>>;
  /** The calendar the static checks run on (default: the national calendar). */
  readonly calendar?: WorkingCalendar;
  /**
   * What each later phase of the `Giai đoạn` column waits for, e.g. `{ 2: 'payment' }` (phase 2
   * starts after the financial obligations are paid) or `{ 2: 'complete-file' }`.
   */
  readonly phases?: Readonly<Record<number, 'payment' | 'complete-file'>>;
}

const normal = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/** The column of each known header; unknown headers are ignored. */
function columnsOf(headers: readonly string[]): Map<Column, string> {
  const found = new Map<Column, string>();
  for (const h of headers) {
    for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      if (!found.has(column) && names.includes(normal(h))) found.set(column, h);
    }
  }
  return found;
}

/** A time as provinces write it: `0,5 ngày`, `0.25 ngày`, `2 ngày làm việc`, `4 giờ`. */
function budgetOf(text: string): { workingDays: number } | { workingHours: number } | undefined {
  const m = /^(\d+(?:[.,]\d+)?)\s*(ngày(?: làm việc)?|giờ(?: làm việc)?|days?|hours?)$/.exec(normal(text));
  if (!m) return undefined;
  const amount = Number(m[1]!.replace(',', '.'));
  if (!(amount > 0)) return undefined;
  return /^(giờ|hour)/.test(m[2]!) ? { workingHours: amount } : { workingDays: amount };
}

/** A unit id from its name: letters and digits of the name without marks, joined by `-`. */
function unitId(name: string, taken: Map<string, string>): string {
  const known = taken.get(name);
  if (known) return known;
  const base =
    normal(name)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'unit';
  let id = /^[a-z]/.test(base) ? base : `u-${base}`;
  for (let i = 2; [...taken.values()].includes(id); i++) id = `${base}-${i}`;
  taken.set(name, id);
  return id;
}

/**
 * Definitions of a procedure from a province's approved internal process (quy trình nội bộ), given
 * as CSV text (comma or semicolon separated, with a header row) or as rows already parsed (JSON):
 * one definition per case (`Trường hợp`), and one more per area extension. Each row is a step:
 * its content, the unit or title holding the dossier, its time in working days (fractions such as
 * 0.25 or 0,5 allowed) or hours, and optionally the national status code shown during it. The
 * desk's rows (the unit named `deskName`) become the desk; the approving decision is added to the
 * legal basis. Every definition is built once to run the static checks (the steps must fit the
 * legal limit).
 *
 * @throws `ValidationError` naming each bad cell as `rows[i].<column>` (the message gives the row
 * number and the header as printed); `DefinitionError` when a case's steps exceed the legal limit.
 *
 * @example
 * ```ts
 * import { processFromTable } from '@motcua/procedures';
 * import { z } from 'zod';
 * const [definition] = processFromTable(
 *   'Bước;Nội dung;Đơn vị/chức danh;Thời gian;Trạng thái\n' +
 *     '1;Tiếp nhận, chuyển hồ sơ;Bộ phận Một cửa;0,5 ngày;2\n' +
 *     '2;Thẩm định hồ sơ;Công an xã;4 ngày;4\n' +
 *     '3;Phê duyệt;Trưởng Công an xã;2 ngày;4\n' +
 *     '4;Cập nhật cơ sở dữ liệu;Công an xã;0,5 ngày;4\n',
 *   {
 *     procedure: {
 *       code: '1.004222', version: '2026.1', effectiveFrom: '2026-01-01', regime: '2025',
 *       name: { vi: 'Đăng ký thường trú' }, legalBasis: ['Luật Cư trú 2020'], agency: 'Công an xã',
 *       timeLimit: { workingDays: 7 }, channels: ['in-person'], application: z.object({}),
 *     },
 *     decision: { number: '2095/QĐ-UBND', date: '2025-10-31', issuedBy: 'UBND tỉnh Đồng Nai' },
 *   },
 * );
 * ```
 */
export function processFromTable<S extends z.ZodType>(
  table: string | readonly Readonly<Record<string, unknown>>[],
  options: ProcessTableOptions<S>,
): TypedProcedureDefinitionInput<S>[] {
  const rows = typeof table === 'string' ? parseCsv(table) : table;
  const issues: FieldIssue[] = [];
  if (rows.length === 0) throw new ValidationError('process table', [{ field: 'rows', message: 'no rows' }]);
  const headers = Object.keys(rows[0]!);
  const columns = columnsOf(headers);
  for (const required of ['content', 'unit', 'time'] as const) {
    if (!columns.has(required)) {
      issues.push({ field: required, message: `no column '${COLUMNS[required][0]}'` });
    }
  }
  if (issues.length) throw new ValidationError('process table', issues);
  const cell = (row: Readonly<Record<string, unknown>>, column: Column) => {
    const header = columns.get(column);
    const value = header === undefined ? undefined : row[header];
    return value === undefined || value === null ? '' : String(value).trim();
  };
  const deskName = normal(options.deskName ?? 'Bộ phận Một cửa');
  const ids = new Map<string, string>();
  const units: Record<string, { name: string }> = {};
  const cases = new Map<
    string,
    { id: string; name: string; unit: string; budget: object; status?: number; phase?: number }[]
  >();
  let sawDesk = false;
  rows.forEach((row, i) => {
    const at = (column: Column, message: string) =>
      issues.push({
        field: `rows[${i}].${column}`,
        message: `row ${i + 1}, column '${columns.get(column)}': ${message}`,
      });
    const content = cell(row, 'content');
    const unitName = cell(row, 'unit');
    const budget = budgetOf(cell(row, 'time'));
    const statusText = cell(row, 'status');
    const status = statusText === '' ? undefined : Number(statusText);
    if (!content) at('content', 'required');
    if (!unitName) at('unit', 'required');
    if (!budget) at('time', "expected a time such as '0,5 ngày', '2 ngày làm việc' or '4 giờ'");
    if (status !== undefined && !(Number.isInteger(status) && status >= 1 && status <= 10)) {
      at('status', 'expected a national status code from 1 to 10');
    }
    const phaseText = cell(row, 'phase');
    const phase = phaseText === '' ? undefined : Number(phaseText);
    if (phase !== undefined && !(Number.isInteger(phase) && phase >= 1 && phase <= 9)) {
      at('phase', 'expected a phase number from 1 to 9');
    }
    const isDesk = normal(unitName) === deskName;
    if (isDesk) sawDesk = true;
    if (!content || !unitName || !budget) return;
    const unit = isDesk ? 'desk' : unitId(unitName, ids);
    units[unit] = { name: unitName };
    const variant = cell(row, 'variant') || '';
    const steps = cases.get(variant) ?? [];
    steps.push({
      id: `b${steps.length + 1}`,
      name: content,
      unit,
      budget,
      ...(status ? { status } : {}),
      ...(phase ? { phase } : {}),
    });
    cases.set(variant, steps);
  });
  if (!sawDesk)
    issues.push({
      field: 'rows',
      message: `no step at the desk ('${options.deskName ?? 'Bộ phận Một cửa'}')`,
    });
  issues.push(...decisionProblems(options.decision));
  for (const [name, limit] of Object.entries(options.caseLimits ?? {})) {
    if (!cases.has(name))
      issues.push({ field: 'caseLimits', message: 'names a case the table does not have' });
    else if (!TimeLimitSchema.safeParse(limit).success)
      issues.push({ field: 'caseLimits', message: 'expected a time limit, e.g. { workingDays: 10 }' });
  }
  if (options.level !== undefined && options.decision.issuedBy === undefined)
    issues.push({
      field: 'decision.issuedBy',
      message: 'required with level (the approval names its issuer)',
    });
  if (issues.length) throw new ValidationError('process table', issues);
  const [year, month, day] = options.decision.date.split('-');
  const decision = `Quyết định số ${options.decision.number} ngày ${day}/${month}/${year}${options.decision.issuedBy ? ` của ${options.decision.issuedBy}` : ''} phê duyệt quy trình nội bộ`;
  const out: TypedProcedureDefinitionInput<S>[] = [];
  let caseIndex = 0;
  for (const [variant, steps] of cases) {
    caseIndex++;
    const suffix = variant ? `-th${caseIndex}` : '';
    const timeLimit = options.caseLimits?.[variant] ?? options.procedure.timeLimit;
    const base: TypedProcedureDefinitionInput<S> = {
      ...options.procedure,
      version: `${options.procedure.version}${suffix}`,
      ...(variant
        ? { name: { ...options.procedure.name, vi: `${options.procedure.name.vi} (${variant})` } }
        : {}),
      timeLimit,
      legalBasis: [...options.procedure.legalBasis, decision],
      ...(options.level !== undefined ? { implementation: approvalOf(options, options.level, variant) } : {}),
      units,
      desk: 'desk',
      steps: steps.map(({ status: _status, ...s }) => s) as never,
      nationalStatus: Object.fromEntries(
        steps.filter((s) => s.status !== undefined).map((s) => [`processing.${s.id}`, s.status!]),
      ),
      ...(options.phases
        ? {
            phases: Object.entries(options.phases)
              .filter(([n]) => steps.some((st) => st.phase === Number(n)))
              .map(([n, startsAfter]) => ({ phase: Number(n), name: `Giai đoạn ${n}`, startsAfter })),
          }
        : {}),
    } as TypedProcedureDefinitionInput<S>;
    out.push(base);
    for (const area of options.areaExtensions ?? []) {
      const limit = timeLimit as { workingDays?: number };
      if (limit.workingDays === undefined) {
        throw new ValidationError('process table', [
          { field: 'areaExtensions', message: 'extra working days need a limit in working days' },
        ]);
      }
      out.push({
        ...base,
        version: `${base.version}-${area.id}`,
        name: { ...base.name, vi: `${base.name.vi} — ${area.name}` },
        timeLimit: { ...timeLimit, workingDays: limit.workingDays + area.extraWorkingDays },
      } as TypedProcedureDefinitionInput<S>);
    }
  }
  // The static checks: schema, units, steps within the legal limit, status codes.
  for (const definition of out)
    defineProcedure(definition, options.calendar ? { calendar: options.calendar } : {});
  return out;
}

/** The procedure's implementation facts with the table's approval added (one process per case). */
function approvalOf(
  options: ProcessTableOptions<z.ZodType>,
  level: AdministrativeLevel,
  variant: string,
): ProcedureImplementation {
  const own = options.procedure.implementation;
  return {
    ...own,
    internalProcesses: [
      ...(own?.internalProcesses ?? []),
      {
        level,
        decision: options.decision.number,
        date: options.decision.date,
        issuer: options.decision.issuedBy ?? '',
        ...(variant ? { case: variant } : {}),
      },
    ],
  };
}

/** CSV rows with the header row as keys: commas or semicolons, quoted cells, a BOM. */
function parseCsv(text: string): Record<string, string>[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parse(text, { columns: true, bom: true, delimiter, skip_empty_lines: true, trim: true });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new ValidationError('process table', [
      { field: 'table', message: `not readable as CSV${line ? ` (near line ${line})` : ''}` },
    ]);
  }
}
