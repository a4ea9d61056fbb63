import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Procedure } from '../procedure/define-procedure.js';
import type { ReportRow, UnitReportRow } from '../report/report-types.js';
import type {
  SimulationDay,
  SimulationFactsSummary,
  SimulationOptions,
  SimulationShare,
} from './simulation-options.js';

/**
 * What a setup function returns: the parts of a simulation that are code and cannot be sent to a
 * worker thread. Every worker calls it once.
 */
export interface SimulationSetup {
  readonly procedures: readonly Procedure[];
  readonly calendar: WorkingCalendar;
  /** Applicant and application data of a new dossier, per procedure code (as `simulate` takes them). */
  readonly samples: SimulationOptions['samples'];
}

/** A setup function: called in each worker with the caller's `setupArgument`. */
export type SimulationSetupFunction = (argument: unknown) => SimulationSetup | Promise<SimulationSetup>;

/** The options of a direct-mode simulation that can be sent to a worker (plain data). */
export type SimulationDataOptions = Omit<
  SimulationOptions,
  'engine' | 'procedures' | 'calendar' | 'store' | 'plugins' | 'samples' | 'onDay' | 'mode' | 'liaison'
>;

/** What a worker is started with. @internal */
export interface WorkerRequest {
  readonly setupModule: string;
  readonly exportName: string;
  readonly setupArgument: unknown;
  readonly options: SimulationDataOptions;
  readonly share: SimulationShare;
  readonly progress: boolean;
}

/** What a worker posts back. @internal */
export type WorkerResponse =
  | { readonly type: 'day'; readonly day: SimulationDay }
  | {
      readonly type: 'done';
      readonly received: number;
      readonly commands: number;
      readonly days: readonly SimulationDay[];
      readonly report: ReportRow[];
      readonly byProcedure: ReportRow[];
      readonly units: UnitReportRow[];
      readonly facts?: SimulationFactsSummary;
      readonly elapsedMs: number;
      readonly cpuMs: number | undefined;
    }
  | {
      readonly type: 'failed';
      readonly name: string;
      readonly message: string;
      readonly code: string | undefined;
      readonly field: string | undefined;
      readonly stack: string | undefined;
    };
