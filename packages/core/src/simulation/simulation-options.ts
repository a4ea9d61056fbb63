import type { LocalDate } from '../calendar/local-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Clock } from '../clock/clock.js';
import type { Engine, ReceiveCommand } from '../engine/engine-types.js';
import type { EnginePlugin } from '../engine/plugin.js';
import type { Channel } from '../model/channel.js';
import type { SlipRow } from '../model/slip-row.js';
import type { Procedure } from '../procedure/define-procedure.js';
import type { ProcedureRegistry } from '../procedure/registry.js';
import type { ReportQuery, ReportRow, UnitReportRow } from '../report/report-types.js';
import type { DossierStore, JournalEntry } from '../store/store-types.js';
import type { SimulationLiaison, SimulationLiaisonResult } from './liaison-traffic.js';
import type { SimulationView } from './simulation-view.js';

export type { SimulationView } from './simulation-view.js';

/** What {@link simulate} drove: an {@link Engine}, or the store-less core's face of the same commands. */
export interface SimulationTarget {
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
  readonly procedures: ProcedureRegistry;
  receive(command: ReceiveCommand): Promise<SimulationView>;
  report(query: ReportQuery): Promise<ReportRow[]>;
  unitReport(query: { from: string; to: string }): Promise<UnitReportRow[]>;
  /** Every dossier's code (store-less: with `keepRecords` only). */
  list(): Promise<readonly { readonly code: string }[]>;
  /** A dossier's journal and control slip (store-less: with `keepRecords` only). */
  get(
    code: string,
  ): Promise<{ readonly journal: readonly JournalEntry[]; readonly slip: readonly SlipRow[] }>;
}

/** How officers and applicants behave in a simulation. Shares are probabilities per dossier. */
export interface SimulationBehaviour {
  /** A step takes this share of its budget, drawn uniformly (default [0.3, 1.05]). */
  readonly stepPace: readonly [number, number];
  /** Share of dossiers with one slow step (1.5–4× its budget): most of them end late (default 0.04). */
  readonly lateShare: number;
  /** Share asked to supplement during processing (default 0.06). */
  readonly supplementShare: number;
  /** Working days the applicant takes to supplement (default [1, 8]). */
  readonly supplementDays: readonly [number, number];
  /** Share refused after appraisal (default 0.015). */
  readonly refusalShare: number;
  /** Share withdrawn by the applicant (default 0.005). */
  readonly withdrawalShare: number;
  /** Share of dossiers about to be late whose agency apologises with a new date (default 0.7). */
  readonly apologyShare: number;
  /** Working hours between the result being ready and the applicant collecting it (default [0, 16]). */
  readonly pickupHours: readonly [number, number];
}

/** Default behaviour: figures of the order one-stop reports show (most early, a few late). */
export const DEFAULT_BEHAVIOUR: SimulationBehaviour = {
  stepPace: [0.3, 1.05],
  lateShare: 0.04,
  supplementShare: 0.06,
  supplementDays: [1, 8],
  refusalShare: 0.015,
  withdrawalShare: 0.005,
  apologyShare: 0.7,
  pickupHours: [0, 16],
};

/** Arrivals: how many dossiers, of which procedures, by which channel, at which hours. */
export interface SimulationArrivals {
  /** Mean dossiers received per working day (Poisson). */
  readonly perWorkingDay: number;
  /** Weights of the procedures by code (default: equal, leaving out the member procedures of liaisons). */
  readonly mix?: Readonly<Record<string, number>>;
  /** Weights of the channels (default: 70% in person, 25% online, 5% postal, where the procedure accepts them). */
  readonly channels?: Readonly<Partial<Record<Channel, number>>>;
  /** Weights of the working hours 7…16 (default: a morning peak). */
  readonly byHour?: readonly number[];
}

/** Options of `simulate`. */
export interface SimulationOptions {
  /** Run on this engine (its clock must be a `SimulatedClock`), or give `procedures` for a new in-memory one. */
  readonly engine?: Engine;
  readonly procedures?: readonly Procedure[];
  readonly calendar?: WorkingCalendar;
  readonly store?: DossierStore;
  readonly plugins?: readonly EnginePlugin[];
  readonly agency?: string;
  /** First local day simulated, `'YYYY-MM-DD'`. */
  readonly start: LocalDate;
  /** Calendar days simulated (arrivals stop after them; open dossiers are carried to the end). */
  readonly days: number;
  readonly seed?: number;
  readonly arrivals: SimulationArrivals;
  readonly behaviour?: Partial<SimulationBehaviour>;
  /** Applicant and application data of a new dossier, per procedure code. */
  readonly samples: Readonly<
    Record<string, (index: number, random: () => number) => { applicant: unknown; application: unknown }>
  >;
  /** Extra calendar days after the last arrival to let open dossiers finish (default 30). */
  readonly drainDays?: number;
  /** Called after each simulated day. */
  readonly onDay?: (progress: SimulationDay) => void;
  /**
   * `engine` (default): every command goes through an engine and its store. `direct`: the same
   * path without a store ({@link StorelessCore}: the same checks, the procedure's own compiled
   * transitions, the same timers, journal entries and report counting; no outbox, no plugins), for
   * province-scale runs. It needs `procedures` and `calendar`, and ignores `store` and `plugins`.
   * There is one lifecycle: for a seed both modes give the same reports, journals and slips.
   */
  readonly mode?: 'engine' | 'direct';
  /** In `direct` mode: keep every dossier's journal and snapshot, for `target.get` and `target.list` (tests). */
  readonly keepRecords?: boolean;
  /**
   * The member agencies of the liaison procedures (một cửa liên thông) among the arrivals, in
   * `engine` mode: the desk hands each parent's parts off, the agencies work on their own dossiers
   * (with the same behaviour: pace, slow steps, supplementation, refusals, apologies) and return
   * their results, and the desk returns the whole to the applicant. Needed when a liaison arrives.
   */
  readonly liaison?: SimulationLiaison;
}

/** What happened on one simulated day. */
export interface SimulationDay {
  readonly date: LocalDate;
  readonly received: number;
  /** Returned or refused that day, and how many of them early or on time. */
  readonly resolved: number;
  readonly timely: number;
  readonly open: number;
  /** Liaison parents received and resolved that day (also counted above), and parts handed off; with `liaison` only. */
  readonly liaison?: { readonly received: number; readonly resolved: number; readonly handoffs: number };
}

/** The result of `simulate`. */
export interface SimulationResult {
  /** The engine, in `engine` mode. */
  readonly engine: Engine | undefined;
  readonly target: SimulationTarget;
  readonly received: number;
  readonly commands: number;
  readonly days: readonly SimulationDay[];
  /** Report over the arrival period and the drain, all groups together and by procedure. */
  readonly report: ReportRow[];
  readonly byProcedure: ReportRow[];
  readonly units: UnitReportRow[];
  /** What the liaisons did, with `liaison` only. */
  readonly liaison?: SimulationLiaisonResult;
  readonly elapsedMs: number;
}

/** Which share of the arrivals a run simulates: arrival `i` belongs to share `i % of`. */
export interface SimulationShare {
  readonly index: number;
  readonly of: number;
}
