import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Clock } from '../clock/clock.js';
import type { ReceiveCommand } from '../engine/create-engine.js';
import { TransitionError } from '../errors/dossier-errors.js';
import { formatDossierCode } from '../model/dossier-code.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { DossierEvent } from '../model/dossier-events.js';
import type { ReceiptInput } from '../procedure/lifecycle-actions.js';
import type { ProcedureRegistry } from '../procedure/registry.js';
import type { ReportQuery, ReportRow, UnitReportRow } from '../report/report-types.js';
import { DirectCore, type DirectDossier } from './direct-core.js';

export { standardState } from './direct-core.js';

/** The dossier as a simulation sees it after a command. */
export interface SimulationView {
  readonly code: string;
  readonly state: string;
  readonly context: DossierContext;
}

/** What {@link simulate} drives: an {@link Engine}, or a {@link directRunner}. */
export interface SimulationTarget {
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
  readonly procedures: ProcedureRegistry;
  receive(command: ReceiveCommand): Promise<SimulationView>;
  send(code: string, event: never): Promise<SimulationView>;
  runDueTimers(): Promise<unknown>;
  report(query: ReportQuery): Promise<ReportRow[]>;
  unitReport(query: { from: string; to: string }): Promise<UnitReportRow[]>;
}

/** A fresh record for the direct core, every field set (one shape for all). */
export function newDirectDossier(): DirectDossier {
  return { code: '', ctx: undefined, state: '', procedureEntry: undefined, slot: -1, order: 0, legalMs: 0 };
}

/**
 * Runs standard-lifecycle procedures for large simulations without a store: the same receipt
 * context, the same rules (`denialOf`), the same context updates (the lifecycle actions) and the
 * same accepted events per state (read from each procedure's machine), applied directly instead of
 * through XState; closed dossiers are reduced to their report facts, and control-slip rows are
 * not hashed (no report reads the chain). A year of a province fits in memory. The engine path and
 * this one give equal reports for a seed (tested). No journal, no outbox, no plugins: use an engine
 * to test those. The unit report counts every step closed since the start, whatever the period.
 */
export function directRunner(options: {
  procedures: ProcedureRegistry;
  calendar: WorkingCalendar;
  clock: Clock;
  agency: string;
  /** Unused (dossier secrets are `'SIM'`); kept for the engine's option shape. */
  random?: () => number;
}): SimulationTarget {
  return directTarget(new DirectCore(options.procedures, options.calendar), options.clock, options.agency);
}

/** The {@link SimulationTarget} face of a direct core: commands by dossier code, at the clock's time. */
export function directTarget(
  core: DirectCore<DirectDossier>,
  clock: Clock,
  agency: string,
): SimulationTarget {
  const sequences = new Map<string, number>();
  const view = (d: DirectDossier): SimulationView => ({ code: d.code, state: d.state, context: d.ctx! });
  return {
    clock,
    calendar: core.calendar,
    procedures: core.procedures,
    async receive(command) {
      const at = command.at === undefined ? clock.now() : new Date(command.at);
      const date = core.calendar.localDate(at);
      const entry = core.procedure(command.procedure, command.version, date);
      const agencyCode = command.agency ?? agency;
      const seqKey = `${agencyCode}|${date}`;
      const sequence = (sequences.get(seqKey) ?? 0) + 1;
      sequences.set(seqKey, sequence);
      const d = newDirectDossier();
      core.receive(d, entry, {
        code: formatDossierCode({ agency: agencyCode, date, sequence }),
        secret: 'SIM',
        agency: agencyCode,
        receivedAt: at.toISOString(),
        receivedBy: { ...command.actor, roles: command.actor.roles ?? [] },
        channel: command.channel,
        applicant: command.applicant,
        application: command.application,
      } as ReceiptInput);
      return view(d);
    },
    async send(code, event) {
      const e = event as unknown as DossierEvent & { at?: string };
      const d = core.find(code);
      if (!d) throw new TransitionError(code, e.type, 'closed', 'the dossier is closed or unknown');
      const at = e.at ?? clock.now().toISOString();
      const actor = e.actor.roles ? e.actor : { ...e.actor, roles: [] };
      core.apply(d, { ...e, at, actor } as DossierEvent);
      const v = view(d);
      if (d.slot < 0) d.ctx = undefined; // closed: only its report facts are kept
      return v;
    },
    async runDueTimers() {
      return { fired: core.runDueTimers(clock.now().getTime()) };
    },
    async report(query) {
      return core.report(query);
    },
    async unitReport() {
      return core.unitReport();
    },
  };
}
