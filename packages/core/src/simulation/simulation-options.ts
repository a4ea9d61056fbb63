import type { LocalDate } from '../calendar/local-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Clock } from '../clock/clock.js';
import type { Engine, ReceiveCommand } from '../engine/engine-types.js';
import type { EnginePlugin } from '../engine/plugin.js';
import type { ApplicantKind } from '../model/applicant.js';
import type { Channel } from '../model/channel.js';
import type { ComponentSource } from '../model/dossier-component.js';
import type { RatingCriteriaSet } from '../model/rating.js';
import type { SlipRow } from '../model/slip-row.js';
import type { Procedure } from '../procedure/define-procedure.js';
import type { ProcedureRegistry } from '../procedure/registry.js';
import type { ReportQuery, ReportRow, UnitReportRow } from '../report/report-types.js';
import type { DossierStore, JournalEntry } from '../store/store-types.js';
import type { SimulationLiaison, SimulationLiaisonResult } from './liaison-traffic.js';
import type { CapacityResult } from './processing-capacity.js';
import type { SimulationView } from './simulation-view.js';
import type { ProcessingCapacity } from './staffing-scenario.js';

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

/** Who collects a result at return: the applicant, a representative, the post, or online. */
export type SimulationHandoverKind = 'applicant' | 'representative' | 'post' | 'online';

/**
 * The national facts a simulation generates per dossier (applicants, components and results for
 * dossiers of one agency; handovers and ratings also for a liaison returned at the focal desk).
 * Every part is off unless given, and the draws come from a stream of their own: turning
 * facts on changes no arrival and no fate, only adds the commands that record the facts (the same
 * in `engine` and `direct` mode, so both still give equal reports and journals).
 *
 * @example
 * ```ts
 * import { vietnamCalendar } from '@motcua/core';
 * import { simulate } from '@motcua/core/simulation';
 * import { CATALOGUE_CODES, catalogueSamples, catalogueVersions } from '@motcua/procedures';
 * const calendar = vietnamCalendar();
 * const code = CATALOGUE_CODES.permanentResidence;
 * const result = await simulate({
 *   procedures: catalogueVersions(calendar), calendar, start: '2026-03-02', days: 30, seed: 1,
 *   arrivals: { perWorkingDay: 40 },
 *   samples: { [code]: () => catalogueSamples[code]! },
 *   facts: {
 *     applicantKinds: { citizen: 8, enterprise: 1, 'household-business': 1 },
 *     representativeShare: 0.2,
 *     components: { digitisedShare: 0.6, reusedShare: 0.2, databaseShare: 0.3, lookupFailureShare: 0.1 },
 *     results: true,
 *     handovers: { applicant: 6, representative: 1, post: 2, online: 1 },
 *     ratings: { share: 0.6 },
 *   },
 * });
 * console.log(result.facts?.shares.digitised, result.facts?.meanScores.overall);
 * ```
 */
export interface SimulationFactsOptions {
  /** Weights of the applicant kinds (default: the sample's applicant as given). */
  readonly applicantKinds?: Readonly<Partial<Record<ApplicantKind, number>>>;
  /** Share of dossiers filed by an authorised representative, where the procedure allows one (default 0). */
  readonly representativeShare?: number;
  /**
   * How each document of the procedure is satisfied, recorded by the desk at receipt
   * (`RECORD_COMPONENTS`): shares of reuse, the national document store and database lookups (the
   * rest on paper, digitised by `digitisedShare`); a failed lookup (`lookupFailureShare` of them)
   * leaves the paper to bring, recorded `paperAfterHours` working hours later (default [0, 8])
   * while the dossier is still processing or supplementing. Off when every share is 0 (default).
   */
  readonly components?: {
    readonly digitisedShare?: number;
    readonly reusedShare?: number;
    readonly nationalStoreShare?: number;
    readonly databaseShare?: number;
    readonly lookupFailureShare?: number;
    readonly paperAfterHours?: readonly [number, number];
    /** The database looked up (default the population database, `CSDLQGDC`). */
    readonly database?: { readonly code: string; readonly name?: string };
  };
  /** Issue a result document (`ISSUE_RESULT`, by the unit of the last step) as processing ends (default false). */
  readonly results?: boolean;
  /**
   * Weights of who collects the result at return (`RETURN_RESULT`'s handover); a representative
   * only for a dossier filed by one and online only for an online dossier, else the applicant.
   * Default: no handover recorded.
   */
  readonly handovers?: Readonly<Partial<Record<SimulationHandoverKind, number>>>;
  /**
   * The applicant's rating at return, entered at the desk (`engine.rate` in `engine` mode, the
   * same rule in `direct` mode): the share of returned dossiers rated, and the weights of the
   * answers of every criterion, best first (default [0.75, 0.2, 0.05]; [0.2, 0.4, 0.4] for a late
   * dossier). `criteria` (default `DECREE_61_RATING_CRITERIA`) must be the engine's own set when
   * an engine is given.
   */
  readonly ratings?: {
    readonly share: number;
    readonly answerWeights?: readonly number[];
    readonly lateAnswerWeights?: readonly number[];
    readonly criteria?: RatingCriteriaSet;
  };
}

/** What the facts of a run count (plain numbers: the shares of workers add up). */
export interface SimulationFacts {
  /** Dossiers whose applicant went through the facts, by kind, and those filed by a representative. */
  dossiers: number;
  applicantKinds: Partial<Record<ApplicantKind, number>>;
  represented: number;
  /** Components recorded (with the papers after failed lookups, `paperFallbacks`), by source. */
  components: {
    recorded: number;
    bySource: Record<ComponentSource, number>;
    digitised: number;
    lookupsFailed: number;
    paperFallbacks: number;
  };
  /** Result documents issued. */
  results: number;
  handovers: Record<SimulationHandoverKind, number>;
  /** Ratings: how many, the sum of each criterion's scores, overall satisfied and very satisfied. */
  ratings: {
    criteriaSet: string;
    rated: number;
    scoreSums: Record<string, number>;
    satisfied: number;
    verySatisfied: number;
  };
}

/** The facts' counts with their shares (0–1) and the mean score of each criterion. */
export interface SimulationFactsSummary extends SimulationFacts {
  readonly shares: {
    /** Of the dossiers: filed by a representative. */
    readonly represented: number;
    /** Of the paper components: digitised. */
    readonly digitised: number;
    /** Of the components recorded at receipt: reused or from the national document store. */
    readonly reused: number;
    /** Of the components recorded at receipt: looked up in a database. */
    readonly databaseLookups: number;
    /** Of the lookups: failed (the paper asked for). */
    readonly lookupsFailed: number;
    /** Of the ratings: overall satisfied or very satisfied. */
    readonly satisfied: number;
  };
  readonly meanScores: Readonly<Record<string, number>>;
}

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
  /**
   * Applicant and application data of a new dossier, per procedure code; `receivedOn` is the local
   * receipt date, for samples whose dates must come before it (a child born before its birth is
   * registered). The desk checks each sample as it would a real one: a refused sample stops the run
   * with a `RECEIPT_REFUSED` error naming the procedure, its version and the refused field
   * (`field: 'samples.<code>.application.…'`); no dossier is ever left out silently.
   */
  readonly samples: Readonly<
    Record<
      string,
      (
        index: number,
        random: () => number,
        receivedOn: LocalDate,
      ) => { applicant: unknown; application: unknown }
    >
  >;
  /** Extra calendar days after the last arrival to let open dossiers finish (default 30). */
  readonly drainDays?: number;
  /**
   * The language of the texts the run writes for officers to read: the simulated officers' names,
   * made from their unit's name in the procedure (`Cán bộ Bộ phận Một cửa UBND cấp xã`, `Lãnh đạo
   * UBND xã`; with `'en'`, `Officer – Bộ phận Một cửa UBND cấp xã`), at most 50 characters (the
   * portal's officer field). Default `'vi'`.
   */
  readonly language?: 'vi' | 'en';
  /** Called after each simulated day. */
  readonly onDay?: (progress: SimulationDay) => void;
  /**
   * `engine` (default): every command goes through an engine and its store. `direct`: the same
   * path without a store (`StorelessCore`: the same checks, the procedure's own compiled
   * transitions, the same timers, journal entries and report counting; no outbox, no plugins), for
   * province-scale runs. It needs `procedures` and `calendar`, and ignores `store` and `plugins`.
   * There is one lifecycle: for a seed both modes give the same reports, journals and slips.
   */
  readonly mode?: 'engine' | 'direct';
  /** National facts generated per dossier (applicants, components, results, handovers, ratings); none by default. */
  readonly facts?: SimulationFactsOptions;
  /** In `direct` mode: keep every dossier's journal and snapshot, for `target.get` and `target.list` (tests). */
  readonly keepRecords?: boolean;
  /**
   * The member agencies of the liaison procedures (một cửa liên thông) among the arrivals, in
   * `engine` mode: the desk hands each parent's parts off, the agencies work on their own dossiers
   * (with the same behaviour: pace, slow steps, supplementation, refusals, apologies) and return
   * their results, and the desk returns the whole to the applicant. Needed when a liaison arrives.
   */
  readonly liaison?: SimulationLiaison;
  /**
   * The processing units' officers as a resource (năng lực xử lý): a step at a unit named here
   * waits for one of its officers and takes the work's drawn minutes (see `ProcessingCapacity`);
   * its end, and so the early / on-time / late outcome, comes from the queue instead of a pace
   * drawn from the budget. `atDesk` gives the officers of each unit at the desk on rotation (not
   * processing). Whole runs only: `simulateInWorkers` refuses it with more than one worker.
   */
  readonly capacity?: ProcessingCapacity & { readonly atDesk?: Readonly<Record<string, number>> };
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
  /** The national facts generated, with `facts` only. */
  readonly facts?: SimulationFactsSummary;
  /** Each unit's queue for officers and the apologies sent, with `capacity` only. */
  readonly capacity?: CapacityResult;
  readonly elapsedMs: number;
}

/** Which share of the arrivals a run simulates: arrival `i` belongs to share `i % of`. */
export interface SimulationShare {
  readonly index: number;
  readonly of: number;
}
