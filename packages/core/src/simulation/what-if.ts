import type { ReportRow } from '../report/report-types.js';
import { simulateDeskQueue } from './desk-queue.js';
import type { CapacityResult } from './processing-capacity.js';
import { simulate } from './simulate.js';
import type { SimulationBehaviour, SimulationOptions } from './simulation-options.js';
import { officersAtDesk, type StaffingScenario, type StaffingTargets } from './staffing-scenario.js';
import type { SimulationSetup } from './worker-protocol.js';

/**
 * The figures of a what-if run, with their Vietnamese labels (the default of reports) and units.
 * Per-day figures are means over the working days of the period; dossier figures are those of the
 * period's report (national counting of the one lifecycle).
 */
export const WHAT_IF_FIGURES = {
  visitors: { vi: 'Lượt khách đến quầy', en: 'Visitors', unit: '' },
  waitMean: { vi: 'Thời gian chờ trung bình (phút)', en: 'Mean wait (min)', unit: 'min' },
  waitP90: { vi: 'Thời gian chờ P90 (phút)', en: 'Wait, 90th percentile (min)', unit: 'min' },
  waitMax: { vi: 'Thời gian chờ tối đa (phút)', en: 'Longest wait (min)', unit: 'min' },
  withinPercent: { vi: 'Khách chờ trong ngưỡng (%)', en: 'Visitors within the wait target (%)', unit: '%' },
  notServedPerDay: { vi: 'Khách không được phục vụ/ngày', en: 'Visitors not served per day', unit: '' },
  afterHoursPerDay: {
    vi: 'Khách phục vụ ngoài giờ/ngày',
    en: 'Visitors served after hours per day',
    unit: '',
  },
  overtimePerDay: { vi: 'Làm thêm giờ (phút/ngày)', en: 'Overtime (officer-min per day)', unit: 'min' },
  received: { vi: 'Hồ sơ tiếp nhận', en: 'Dossiers received', unit: '' },
  resolved: { vi: 'Hồ sơ đã giải quyết', en: 'Dossiers resolved', unit: '' },
  earlyPercent: { vi: 'Trả trước hạn (%)', en: 'Returned early (%)', unit: '%' },
  onTimePercent: { vi: 'Đúng hạn, kể cả trước hạn (%)', en: 'Early or on time (%)', unit: '%' },
  latePercent: { vi: 'Trễ hạn (%)', en: 'Late (%)', unit: '%' },
  inProgressWithinTime: { vi: 'Đang giải quyết trong hạn', en: 'In progress within time', unit: '' },
  inProgressOverdue: { vi: 'Đang giải quyết quá hạn', en: 'In progress overdue', unit: '' },
  apologies: { vi: 'Phiếu xin lỗi', en: 'Apologies (Form 04)', unit: '' },
  progress766Percent: { vi: 'Chỉ số tiến độ 766 (%)', en: '766 progress indicator (%)', unit: '%' },
  unitWaitMean: {
    vi: 'Chờ cán bộ xử lý (phút làm việc)',
    en: 'Wait for a processing officer (working min)',
    unit: 'min',
  },
} as const;
/** The name of a what-if figure. */
export type WhatIfFigure = keyof typeof WHAT_IF_FIGURES;

/** One run of a scenario for one seed: its figures and the raw results behind them. */
export interface ScenarioRun {
  readonly seed: number;
  readonly figures: Readonly<Record<WhatIfFigure, number>>;
  readonly report: ReportRow | undefined;
  readonly capacity: CapacityResult | undefined;
  /** Each desk field's mean wait, 90th percentile and share within the target (%). */
  readonly fields: Readonly<
    Record<string, { waitMean: number; waitP90: number; withinPercent: number; afterHoursPerDay: number }>
  >;
}

/** Dossier runs kept by key: variants that differ only at the desk share their dossiers' run. */
export type DossierRunCache = Map<
  string,
  { report: ReportRow | undefined; capacity: CapacityResult | undefined }
>;

/**
 * How many dossier runs this thread made and took from a {@link DossierRunCache}: an internal seam
 * that lets tests see the runner reuse a shared run (worker threads report theirs with each
 * result, and the runner adds them here). Not exported from the package's entry.
 * @internal
 */
export const dossierRunCounts = { ran: 0, reused: 0 };

/**
 * What the dossiers' run of a scenario depends on: the period, the dossiers, the behaviour and the
 * officers each unit has for processing (those at the desk on rotation left out). Two variants with
 * the same key give the same dossier figures for a seed.
 */
export function dossierKey(scenario: StaffingScenario): string {
  const atDesk = officersAtDesk(scenario);
  const units = Object.fromEntries(
    Object.entries(scenario.capacity?.units ?? {}).map(([id, u]) => [
      id,
      { ...u, officers: u.officers - (atDesk[id] ?? 0) },
    ]),
  );
  return JSON.stringify([
    scenario.start,
    scenario.days,
    scenario.drainDays ?? 0,
    scenario.dossiers,
    scenario.behaviour ?? null,
    units,
  ]);
}

/**
 * Runs a (parsed) scenario once for a seed: the desk queue over the period, and the dossiers on the
 * procedures' own lifecycle (store-less) with the processing units' capacity; returns the figures.
 * @internal used by {@link runWhatIf} and the worker threads
 */
export async function runScenarioOnce(
  scenario: StaffingScenario,
  setup: SimulationSetup,
  seed: number,
  cache?: DossierRunCache,
): Promise<ScenarioRun> {
  const within = scenario.targets?.waitMinutes ?? 15;
  const desk = simulateDeskQueue({
    desk: scenario.desk,
    calendar: setup.calendar,
    start: scenario.start,
    days: scenario.days,
    seed,
    withinMinutes: within,
  });
  const days = Math.max(1, desk.workingDays);
  let report: ReportRow | undefined;
  let capacity: CapacityResult | undefined;
  const key = cache && scenario.dossiers ? `${dossierKey(scenario)}|${seed}` : '';
  const cached = key ? cache?.get(key) : undefined;
  if (cached) {
    report = cached.report;
    capacity = cached.capacity;
    dossierRunCounts.reused++;
  } else if (scenario.dossiers && scenario.dossiers.perWorkingDay > 0) {
    dossierRunCounts.ran++;
    const { perWorkingDay, mix, channels, byHour } = scenario.dossiers;
    const options: SimulationOptions = {
      mode: 'direct',
      procedures: setup.procedures,
      calendar: setup.calendar,
      samples: setup.samples,
      start: scenario.start,
      days: scenario.days,
      seed,
      drainDays: scenario.drainDays ?? 0,
      arrivals: {
        perWorkingDay,
        ...(mix ? { mix } : {}),
        ...(channels ? { channels } : {}),
        ...(byHour ? { byHour } : {}),
      },
      ...(scenario.behaviour ? { behaviour: scenario.behaviour as Partial<SimulationBehaviour> } : {}),
      ...(scenario.capacity ? { capacity: { ...scenario.capacity, atDesk: officersAtDesk(scenario) } } : {}),
    };
    const result = await simulate(options);
    report = result.report[0];
    capacity = result.capacity;
    if (key && cache) {
      // A few entries: the runs of one seed that share their dossiers come one after another.
      if (cache.size >= 32) cache.delete(cache.keys().next().value as string);
      cache.set(key, { report, capacity });
    }
  }
  const d = desk.desk;
  const r = report;
  const open = r ? r.inProgressWithinTime + r.inProgressOverdue : 0;
  const judged = r ? r.resolved + open : 0;
  const steps = capacity ? Object.values(capacity.units) : [];
  const stepCount = steps.reduce((n, u) => n + u.steps, 0);
  const figures: Record<WhatIfFigure, number> = {
    visitors: d.arrived,
    waitMean: d.waits.mean,
    waitP90: d.waits.p90,
    waitMax: d.waits.max,
    withinPercent: 100 * d.waits.withinShare,
    notServedPerDay: (d.sentHome + d.leftWaiting) / days,
    afterHoursPerDay: d.servedAfterHours / days,
    overtimePerDay: d.overtimeMinutes / days,
    received: r?.received ?? 0,
    resolved: r?.resolved ?? 0,
    earlyPercent: 100 * (r?.earlyRate ?? 0),
    onTimePercent: r && r.resolved > 0 ? 100 * r.timelyRate : 100,
    latePercent: 100 * (r?.lateRate ?? 0),
    inProgressWithinTime: r?.inProgressWithinTime ?? 0,
    inProgressOverdue: r?.inProgressOverdue ?? 0,
    apologies: capacity?.apologies ?? 0,
    // Decision 766, indicator "tiến độ": done or in progress on time over all judged at the period's end.
    progress766Percent:
      r && judged > 0 ? (100 * (r.early + r.onTime + r.inProgressWithinTime)) / judged : 100,
    unitWaitMean: stepCount ? steps.reduce((s, u) => s + u.meanWaitMinutes * u.steps, 0) / stepCount : 0,
  };
  const fields: ScenarioRun['fields'] = Object.fromEntries(
    Object.entries(desk.fields).map(([name, f]) => [
      name,
      {
        waitMean: f.waits.mean,
        waitP90: f.waits.p90,
        withinPercent: 100 * f.waits.withinShare,
        afterHoursPerDay: f.servedAfterHours / days,
      },
    ]),
  );
  return { seed, figures, report, capacity, fields };
}

/** A figure over many seeds: the mean and its 95 % confidence interval (Student's t). */
export interface FigureEstimate {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  readonly sd: number;
  readonly n: number;
}

/** Two-sided 95 % quantiles of Student's t for 1…30 degrees of freedom. */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The mean of `values` and its 95 % confidence interval. */
export function estimate(values: readonly number[]): FigureEstimate {
  const n = values.length;
  const mean = n ? values.reduce((s, x) => s + x, 0) / n : 0;
  if (n < 2) return { mean, low: mean, high: mean, sd: 0, n };
  const sd = Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const half = (T95[n - 2] ?? 1.96) * (sd / Math.sqrt(n));
  return { mean, low: mean - half, high: mean + half, sd, n };
}

/** Whether mean figures meet the targets (percent targets on the means). */
export function meetsTargets(
  figures: Readonly<Record<WhatIfFigure, number>>,
  targets: StaffingTargets | undefined,
): boolean {
  if (!targets) return true;
  if (targets.visitorsWithinPercent !== undefined && figures.withinPercent < targets.visitorsWithinPercent)
    return false;
  if (targets.onTimePercent !== undefined && figures.onTimePercent < targets.onTimePercent) return false;
  if (
    targets.servedAfterHoursPerDay !== undefined &&
    figures.afterHoursPerDay > targets.servedAfterHoursPerDay
  )
    return false;
  return true;
}
