/**
 * The main job's short staffing what-if: its centre's desk as a ticket queue (fields, counters,
 * visitors by hour), the current staffing against one more and one fewer officer at its busiest
 * desk field, over a few seeds (desk queue only: a second or two). Sample staffing, not the
 * province's real one.
 */
import type { WorkingCalendar } from '@motcua/core';
import { compareVariants, parseStaffingScenario, type VariantResult } from '@motcua/core/simulation';

/** The centre's desk fields: officers, minutes per visitor, and the weight of their visitors. */
const FIELDS = {
  'tu-phap-ho-tich': { officers: 3, mean: 9, weight: 4.5 },
  'cu-tru': { officers: 2, mean: 8, weight: 2 },
  'dat-dai': { officers: 1, mean: 12, weight: 1 },
  'doanh-nghiep': { officers: 1, mean: 12, weight: 1 },
  'bhxh-y-te': { officers: 1, mean: 7, weight: 1 },
  'ly-lich-tu-phap': { officers: 1, mean: 7, weight: 1 },
} as const;

/** A desk field of the sample centre (lĩnh vực), by its id. */
export type DeskField = keyof typeof FIELDS;

/** What the what-if found: the busiest field and its three variants (one fewer, now, one more). */
export interface DeskWhatIf {
  readonly field: DeskField;
  readonly variants: readonly VariantResult[];
}

/**
 * Runs the what-if for a centre receiving `perDay` dossiers a working day (visitors: 1.25 per
 * dossier — pickups and questions too) over `days` from `start`.
 */
export async function deskWhatIf(options: {
  readonly calendar: WorkingCalendar;
  readonly start: string;
  readonly days: number;
  readonly perDay: number;
  readonly seeds?: number;
  /** A variant's name from its officers at the field, `current` for today's (default Vietnamese). */
  readonly variantName?: (officers: number, current: boolean) => string;
}): Promise<DeskWhatIf> {
  const name = options.variantName ?? ((n, current) => `${n} cán bộ${current ? ' (hiện tại)' : ''}`);
  const scenario = parseStaffingScenario({
    name: 'Bộ phận một cửa của Trung tâm (dữ liệu mẫu)',
    start: options.start,
    days: Math.max(1, options.days),
    desk: {
      closing: 'serve',
      fields: Object.fromEntries(
        Object.entries(FIELDS).map(([name, f]) => [
          name,
          { officers: f.officers, serviceMinutes: { kind: 'lognormal', mean: f.mean, sd: f.mean / 2 } },
        ]),
      ),
      visitors: {
        perWorkingDay: options.perDay * 1.25,
        fields: Object.fromEntries(Object.entries(FIELDS).map(([name, f]) => [name, f.weight])),
      },
    },
    targets: { visitorsWithinPercent: 90, waitMinutes: 15 },
  });
  // The busiest field: the most minutes of service asked per officer.
  const load = (f: (typeof FIELDS)[keyof typeof FIELDS]) => (f.weight * f.mean) / f.officers;
  const [field, f] = (Object.entries(FIELDS) as [DeskField, (typeof FIELDS)[DeskField]][]).sort(
    (a, b) => load(b[1]) - load(a[1]),
  )[0]!;
  const variants = await compareVariants(
    scenario,
    [
      { name: name(f.officers - 1, false), desk: { [field]: f.officers - 1 } },
      { name: name(f.officers, true) },
      { name: name(f.officers + 1, false), desk: { [field]: f.officers + 1 } },
    ].filter((v) => !v.desk || (v.desk[field] ?? 0) >= 1),
    { seeds: options.seeds ?? 5, setup: { procedures: [], calendar: options.calendar, samples: {} } },
  );
  return { field, variants };
}
