import type { DossierSummary, Engine, ProcedureDefinition } from '@motcua/core';
import { statusLabel, unitLabel } from './labels.js';

/** One dossier on the desk page (no personal data: summaries only). */
export interface DeskRow {
  readonly code: string;
  readonly procedure: string;
  readonly unit: string;
  /** Due time in force (ISO instant). */
  readonly dueAt: string;
  readonly status: string;
  /** Working minutes left (due soon) or past the due time (overdue). */
  readonly workingMinutes: number;
  /** The due time was re-set after an apology (hẹn lại). */
  readonly rescheduled: boolean;
}

/** What the desk page shows. */
export interface DeskView {
  readonly now: Date;
  /** Dossiers due before this instant are "due soon". */
  readonly horizon: Date;
  readonly horizonDays: number;
  readonly unit: string | undefined;
  readonly overdue: readonly DeskRow[];
  readonly dueSoon: readonly DeskRow[];
  /** More dossiers matched than `limit`: the rest are not shown. */
  readonly truncated: boolean;
  /** Units of the engine's procedures, for the filter: id → name. */
  readonly units: ReadonlyMap<string, string>;
}

/** Options of {@link loadDesk}. */
export interface DeskOptions {
  /** "Due soon" means due within this many working days (8 working hours each). */
  readonly horizonDays: number;
  /** Only dossiers held by this unit. */
  readonly unit?: string | undefined;
  /** At most this many dossiers (default 500). */
  readonly limit?: number;
}

/**
 * The desk's list (danh sách hồ sơ đến hạn, quá hạn): open dossiers past their due time in force,
 * and those due within the horizon, in due order, each with the unit holding it, its due time,
 * where it stands and the working time left or overdue. Dossiers waiting for supplementation are
 * left out: their clock is stopped.
 */
export async function loadDesk(engine: Engine, options: DeskOptions): Promise<DeskView> {
  const { calendar } = engine;
  const now = engine.clock.now();
  const horizon = calendar.addWorkingMinutes(now, options.horizonDays * 8 * 60);
  const limit = options.limit ?? 500;
  const summaries = await engine.list({
    status: 'active',
    dueBefore: horizon.toISOString(),
    ...(options.unit ? { holder: options.unit } : {}),
    limit: limit + 1,
  });
  const definitions = new Map<string, ProcedureDefinition | undefined>();
  const definitionOf = (s: DossierSummary) => {
    const key = `${s.procedureCode}@${s.procedureVersion}`;
    if (!definitions.has(key)) {
      try {
        definitions.set(key, engine.procedures.get(s.procedureCode, s.procedureVersion).definition);
      } catch {
        definitions.set(key, undefined);
      }
    }
    return definitions.get(key);
  };
  const overdue: DeskRow[] = [];
  const dueSoon: DeskRow[] = [];
  for (const s of summaries.slice(0, limit)) {
    if (s.paused) continue;
    const definition = definitionOf(s);
    const due = new Date(s.currentDueAt);
    const late = due.getTime() <= now.getTime();
    const row: DeskRow = {
      code: s.code,
      procedure: definition?.name.vi ?? s.procedureCode,
      unit: unitLabel(s.holder, definition),
      dueAt: s.currentDueAt,
      status: statusLabel(s, definition),
      workingMinutes: late
        ? calendar.workingMinutesBetween(due, now)
        : calendar.workingMinutesBetween(now, due),
      rescheduled: s.currentDueAt !== s.legalDueAt && Date.parse(s.currentDueAt) > Date.parse(s.legalDueAt),
    };
    (late ? overdue : dueSoon).push(row);
  }
  const units = new Map<string, string>();
  for (const p of engine.procedures.all()) {
    // The latest version names a unit last.
    for (const [id, unit] of Object.entries(p.definition.units)) units.set(id, unit.name);
  }
  return {
    now,
    horizon,
    horizonDays: options.horizonDays,
    unit: options.unit,
    overdue,
    dueSoon,
    truncated: summaries.length > limit,
    units,
  };
}
