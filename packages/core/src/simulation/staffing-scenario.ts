import { z } from 'zod';
import { parseTimeOfDay } from '../calendar/local-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { type FieldIssue, ValidationError } from '../errors/dossier-errors.js';
import { parseOrThrow } from '../validation/zod-issues.js';
import { meanMinutes, type ServiceTime, ServiceTimeSchema } from './service-time.js';

const share = z.number().min(0).max(1);
const percent = z.number().min(0, 'must be 0–100 %').max(100, 'must be 0–100 %');
const staff = z.int().min(0);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected 'YYYY-MM-DD'");

/**
 * One field's counters at the desk (quầy của một lĩnh vực): how many officers serve tickets of the
 * field, how long a service takes, and where the officers come from. With `fromUnit`, the counters
 * are staffed on rotation by officers of that processing unit, who then do not process dossiers
 * that day.
 */
export const DeskFieldSchema = z.strictObject({
  /** Officers at the field's counters each working day. */
  officers: staff,
  /** Minutes a visitor with a dossier takes at the counter. */
  serviceMinutes: ServiceTimeSchema,
  /** Minutes a visitor who only asks takes (default fixed 3). */
  askMinutes: z.optional(ServiceTimeSchema),
  /** Share of officer-days lost to absence (leave, sickness, meetings), drawn per officer and day (default 0). */
  absenceShare: z.optional(share),
  /** The processing unit whose officers staff these counters on rotation. */
  fromUnit: z.optional(z.string().min(1).max(60)),
});
/** See {@link DeskFieldSchema}. */
export type DeskField = z.infer<typeof DeskFieldSchema>;

/** Visitors at the desk: how many, when they come, which field's ticket they take, who only asks. */
export const VisitorsSchema = z.strictObject({
  /** Mean visitors per working day (Poisson). */
  perWorkingDay: z.number().min(0),
  /** Weights of the fields' tickets by field name (every name must be a desk field). */
  fields: z.record(z.string(), z.number().min(0)),
  /** Weights of the arrival hour 0…23 (24 numbers; default a morning peak within 7…16). */
  byHour: z.optional(z.array(z.number().min(0)).length(24)),
  /** Share of visitors who only ask (default 0.15). */
  askShare: z.optional(share),
  /** How long a visitor waits before leaving (default: waits for ever). */
  patienceMinutes: z.optional(ServiceTimeSchema),
});
/** See {@link VisitorsSchema}. */
export type Visitors = z.infer<typeof VisitorsSchema>;

/**
 * One processing unit's capacity (năng lực xử lý): its officers (those lent to desk counters on
 * rotation included) and how long a step's work takes them, by default, by procedure code or by
 * `'<procedure code>/<step id>'`.
 */
export const ProcessingUnitSchema = z.strictObject({
  officers: staff,
  serviceMinutes: ServiceTimeSchema,
  byProcedure: z.optional(z.record(z.string(), ServiceTimeSchema)),
  byStep: z.optional(z.record(z.string(), ServiceTimeSchema)),
  /** Share of officer-days lost to absence (default 0). */
  absenceShare: z.optional(share),
  /**
   * A step at this unit stays open at least this share of its budget, drawn uniformly in the range
   * (waiting on parties outside the unit: a site survey, another agency's opinion); its officer is
   * free meanwhile. Default: the step ends when its work does.
   */
  holdShareOfBudget: z.optional(z.tuple([z.number().min(0).max(10), z.number().min(0).max(10)])),
});
/** See {@link ProcessingUnitSchema}. */
export type ProcessingUnit = z.infer<typeof ProcessingUnitSchema>;

/** Processing capacity by unit id (the `unit` of the procedures' steps); units not named have no limit. */
export const ProcessingCapacitySchema = z.strictObject({
  units: z.record(z.string(), ProcessingUnitSchema),
});
/** See {@link ProcessingCapacitySchema}. */
export type ProcessingCapacity = z.infer<typeof ProcessingCapacitySchema>;

/**
 * The desk (bộ phận một cửa) as a queue: fields and their counters, visitors, and what happens at
 * closing time — `serve` every ticket taken (officers stay: overtime) or `send-home` those still
 * waiting.
 */
export const DeskSchema = z.strictObject({
  fields: z.record(z.string(), DeskFieldSchema),
  visitors: VisitorsSchema,
  closing: z.optional(z.enum(['serve', 'send-home'])),
});
/** See {@link DeskSchema}. */
export type Desk = z.infer<typeof DeskSchema>;

/** Targets a staffing must meet, in percent (0–100). */
export const StaffingTargetsSchema = z.strictObject({
  /** Visitors served within `waitMinutes` (e.g. 90 % within 15 minutes). */
  visitorsWithinPercent: z.optional(percent),
  waitMinutes: z.optional(z.number().positive()),
  /** Dossiers resolved early or on time (e.g. 95 %). */
  onTimePercent: z.optional(percent),
  /** Visitors served after closing time, at most this many per working day (e.g. 0). */
  servedAfterHoursPerDay: z.optional(z.number().min(0)),
});
/** See {@link StaffingTargetsSchema}. */
export type StaffingTargets = z.infer<typeof StaffingTargetsSchema>;

/**
 * A staffing scenario (kịch bản nhân sự) of a service centre: the period, the desk's fields and
 * visitors, the dossiers received and the processing units' capacity. Plain data (a JSON file), so
 * it can go to worker threads. The procedures, calendar and sample data come from a setup module.
 *
 * @example
 * ```ts
 * import { parseStaffingScenario } from '@motcua/core/simulation';
 * const scenario = parseStaffingScenario({
 *   start: '2019-07-18', days: 92,
 *   desk: {
 *     fields: { land: { officers: 3, serviceMinutes: { kind: 'lognormal', mean: 9, sd: 5 }, fromUnit: 'registry' } },
 *     visitors: { perWorkingDay: 150, fields: { land: 1 } },
 *     closing: 'serve',
 *   },
 *   dossiers: { perWorkingDay: 50 },
 *   capacity: { units: { registry: { officers: 8, serviceMinutes: { kind: 'exponential', mean: 45 } } } },
 * });
 * ```
 */
export const StaffingScenarioSchema = z.strictObject({
  name: z.optional(z.string().max(200)),
  /** First local day, and calendar days simulated. */
  start: localDate,
  days: z.int().min(1).max(3660),
  desk: DeskSchema,
  /** Dossiers received into the system (as `simulate`'s arrivals); none when absent. */
  dossiers: z.optional(
    z.strictObject({
      perWorkingDay: z.number().min(0),
      mix: z.optional(z.record(z.string(), z.number().min(0))),
      channels: z.optional(z.record(z.string(), z.number().min(0))),
      byHour: z.optional(z.array(z.number().min(0))),
    }),
  ),
  capacity: z.optional(ProcessingCapacitySchema),
  /** `simulate`'s behaviour (shares of supplementation, refusal, …); default `DEFAULT_BEHAVIOUR`. */
  behaviour: z.optional(z.record(z.string(), z.unknown())),
  /** Extra days to let open dossiers finish (default 0: the figures are those at the period's end). */
  drainDays: z.optional(z.int().min(0).max(3660)),
  targets: z.optional(StaffingTargetsSchema),
});
/** See {@link StaffingScenarioSchema}. */
export type StaffingScenario = z.infer<typeof StaffingScenarioSchema>;
/** A scenario as written (before defaults). */
export type StaffingScenarioInput = z.input<typeof StaffingScenarioSchema>;

/** The longest a single service can be: a fixed or measured maximum, else the mean. */
function longestMinutes(d: ServiceTime): number {
  if (d.kind === 'empirical') return Math.max(...d.samples);
  return meanMinutes(d);
}

/** Minutes of the longest session of the calendar's working days in the scenario's first weeks. */
function longestSession(calendar: WorkingCalendar, start: string, days: number): number {
  let longest = 0;
  const first = Date.parse(`${start}T12:00:00+07:00`);
  for (let d = 0; d < Math.min(days, 28); d++) {
    for (const s of calendar.dayInfo(new Date(first + d * 86_400_000)).sessions)
      longest = Math.max(longest, (parseTimeOfDay(s.end) - parseTimeOfDay(s.start)) / 60_000);
  }
  return longest;
}

/**
 * Parses and checks a staffing scenario: the schema, then the rules across fields — every visitor
 * field is a desk field; a field that gets visitors has officers; a desk service fits in a working
 * session of the calendar (with `calendar`); a unit lending officers to the desk has that many;
 * a unit that gets work (`workUnits`, the units of the procedures' steps) has an officer left to
 * process it.
 * @throws `ValidationError` naming every bad field (`desk.fields.land.officers`, …); values are
 * never echoed.
 * @example
 * ```ts
 * import { parseStaffingScenario } from '@motcua/core/simulation';
 * try {
 *   parseStaffingScenario({ start: '2026-03-02', days: 5, desk: {
 *     fields: { land: { officers: 0, serviceMinutes: { kind: 'fixed', minutes: 10 } } },
 *     visitors: { perWorkingDay: 100, fields: { land: 1 } } } });
 * } catch (e) {
 *   console.log((e as { field?: string }).field); // 'desk.fields.land.officers'
 * }
 * ```
 */
export function parseStaffingScenario(
  input: unknown,
  context: { readonly calendar?: WorkingCalendar; readonly workUnits?: ReadonlySet<string> } = {},
): StaffingScenario {
  const scenario = parseOrThrow(StaffingScenarioSchema, input, 'staffing scenario', 'scenario');
  const issues: FieldIssue[] = [];
  const { desk } = scenario;
  const visitorsCome = desk.visitors.perWorkingDay > 0;
  for (const [name, weight] of Object.entries(desk.visitors.fields)) {
    const field = desk.fields[name];
    if (!field) {
      issues.push({ field: `desk.visitors.fields.${name}`, message: 'is not a desk field' });
      continue;
    }
    if (visitorsCome && weight > 0 && field.officers <= 0)
      issues.push({
        field: `desk.fields.${name}.officers`,
        message: 'visitors come to this field: needs ≥ 1 officer',
      });
  }
  if (context.calendar) {
    const longest = longestSession(context.calendar, scenario.start, scenario.days);
    for (const [name, field] of Object.entries(desk.fields)) {
      for (const key of ['serviceMinutes', 'askMinutes'] as const) {
        const d = field[key];
        if (d && longestMinutes(d) > longest)
          issues.push({
            field: `desk.fields.${name}.${key}`,
            message: `cannot fit a working session (the longest is ${longest} minutes)`,
          });
      }
    }
  }
  for (const [name, field] of Object.entries(desk.fields)) {
    if (field.fromUnit && !scenario.capacity?.units[field.fromUnit])
      issues.push({ field: `desk.fields.${name}.fromUnit`, message: 'is not a unit of capacity.units' });
  }
  const lent = officersAtDesk(scenario);
  for (const [id, unit] of Object.entries(scenario.capacity?.units ?? {})) {
    const atDesk = lent[id] ?? 0;
    if (atDesk > unit.officers)
      issues.push({
        field: `capacity.units.${id}.officers`,
        message: `fewer than the ${atDesk} officers it staffs the desk with`,
      });
    else if (
      context.workUnits?.has(id) &&
      (scenario.dossiers?.perWorkingDay ?? 0) > 0 &&
      unit.officers - atDesk <= 0
    )
      issues.push({
        field: `capacity.units.${id}.officers`,
        message: 'dossiers come to this unit: needs ≥ 1 officer not at the desk',
      });
  }
  if (issues.length) throw new ValidationError('staffing scenario', issues);
  return scenario;
}

/**
 * Officers of each processing unit at the desk on rotation: the officers of the desk fields staffed
 * from it (`fromUnit`), by default each field's `officers`, or `officers(name)` (a variant's count).
 */
export function officersAtDesk(
  scenario: Pick<StaffingScenario, 'desk'>,
  officers: (field: string) => number = (field) => scenario.desk.fields[field]?.officers ?? 0,
): Record<string, number> {
  const lent: Record<string, number> = {};
  for (const [name, f] of Object.entries(scenario.desk.fields))
    if (f.fromUnit) lent[f.fromUnit] = (lent[f.fromUnit] ?? 0) + officers(name);
  return lent;
}
