import type { AnyStateNode } from 'xstate';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Clock } from '../clock/clock.js';
import type { Actor } from '../dossier/actor.js';
import { formatDossierCode } from '../dossier/dossier-code.js';
import type { DossierContext } from '../dossier/dossier-context.js';
import type { DossierEvent } from '../dossier/dossier-events.js';
import type { ReceiveCommand } from '../engine/create-engine.js';
import { summaryFromContext } from '../engine/dossier-summary.js';
import { PermissionError, TransitionError } from '../errors/dossier-errors.js';
import { MotcuaError } from '../errors/motcua-error.js';
import type { LiaisonEventType } from '../liaison/liaison-events.js';
import type { Procedure } from '../procedure/define-procedure.js';
import * as act from '../procedure/lifecycle-actions.js';
import type { LifecycleEnv } from '../procedure/lifecycle-env.js';
import { denialOf, openStep, SYSTEM_ROLE } from '../procedure/lifecycle-rules.js';
import type { ProcedureRegistry } from '../procedure/registry.js';
import { aggregateReport } from '../report/aggregate-report.js';
import type { ReportQuery, ReportRow, UnitReportRow } from '../report/report-types.js';
import type { DossierSummary } from '../store/store-types.js';
import { EventQueue } from './event-queue.js';

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

type Action = (env: LifecycleEnv, ctx: DossierContext, event: never) => DossierContext;
/** Liaison events need a liaison's hand-written machine, which this runner does not run. */
const ACTIONS: Record<Exclude<DossierEvent['type'], LiaisonEventType>, Action> = {
  HAND_OVER: act.handOver as Action,
  SEND_BACK: act.sendBack as Action,
  REQUEST_SUPPLEMENT: act.requestSupplement as Action,
  SUPPLEMENT_RECEIVED: act.supplementReceived as Action,
  REFUSE: act.refuse as Action,
  WITHDRAW: act.withdraw as Action,
  STOP: act.stop as Action,
  APOLOGIZE: act.apologize as Action,
  RETURN_RESULT: act.returnResult as Action,
  MARK_OVERDUE: act.markOverdue as Action,
  EXPIRE: act.expire as Action,
};

/** `processing.<step>` names, made once per step id (the runner asks for them on every command). */
const processingNames = new Map<string, string>();

/** The state of a standard-lifecycle dossier, read from its context alone. */
export function standardState(ctx: DossierContext): string {
  if (ctx.outcome) return ctx.outcome.kind;
  if (ctx.pause) return 'supplementing';
  const open = openStep(ctx);
  if (!open) return 'resultReady';
  let name = processingNames.get(open.stepId);
  if (name === undefined) {
    name = `processing.${open.stepId}`;
    processingNames.set(open.stepId, name);
  }
  return name;
}

/** Event types each state of a procedure's machine accepts (its own transitions and its ancestors'). */
function acceptedEvents(procedure: Procedure): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const root = procedure.machine.root;
  const visit = (node: AnyStateNode) => {
    const children = Object.values(node.states) as AnyStateNode[];
    if (children.length === 0) {
      const events = new Set<string>();
      for (let n: AnyStateNode | undefined = node; n; n = n.parent)
        for (const type of n.transitions.keys()) events.add(type);
      out.set(node.path.join('.'), events);
    }
    for (const c of children) visit(c);
  };
  visit(root);
  return out;
}

interface Open {
  procedure: Procedure;
  env: LifecycleEnv;
  events: Map<string, Set<string>>;
  ctx: DossierContext;
}

/**
 * Runs standard-lifecycle procedures for large simulations without a store: the same receipt
 * context, the same rules (`denialOf`), the same context updates (the lifecycle actions) and the
 * same accepted events per state (read from each procedure's machine), applied directly instead of
 * through XState; closed dossiers are reduced to their report summary, and control-slip rows are
 * not hashed (no report reads the chain). A year of a province fits
 * in memory and runs in seconds. The engine path and this one give equal reports for a seed
 * (tested). No journal, no outbox, no plugins: use an engine to test those.
 */
export function directRunner(options: {
  procedures: ProcedureRegistry;
  calendar: WorkingCalendar;
  clock: Clock;
  agency: string;
  random: () => number;
}): SimulationTarget {
  const { procedures, calendar, clock, agency } = options;
  const byKey = new Map<
    string,
    { procedure: Procedure; env: LifecycleEnv; events: Map<string, Set<string>> }
  >();
  for (const p of procedures.all()) {
    if (p.lifecycle !== 'standard') {
      throw new MotcuaError(
        'INVALID_OPTION',
        `directRunner: ${p.code}@${p.version} has a hand-written machine; simulate it on an engine`,
        {
          field: 'procedures',
        },
      );
    }
    const bound = p.withCalendar(calendar);
    byKey.set(`${p.code}@${p.version}`, {
      procedure: bound,
      env: { def: bound.definition, calendar, unhashedSlip: true },
      events: acceptedEvents(bound),
    });
  }
  const open = new Map<string, Open>();
  const summaries: DossierSummary[] = [];
  const units = new Map<string, { unit: string; early: number; onTime: number; late: number }>();
  const sequences = new Map<string, number>();
  const overdue = new EventQueue<string>();
  const validated = new Set<string>();
  const systemActor: Actor = { officerId: 'system', unitId: 'system', name: 'motcua', roles: [SYSTEM_ROLE] };

  const summaryOf = (o: Open, state: string): DossierSummary => summaryFromContext(o.ctx, o.procedure, state);
  const countSlip = (rows: DossierContext['slip'], from: number) => {
    for (let i = from; i < rows.length; i++) {
      const row = rows[i]!;
      if (!row.stepId || !row.result) continue;
      let u = units.get(row.from.unitId);
      if (!u) {
        u = { unit: row.from.unitId, early: 0, onTime: 0, late: 0 };
        units.set(row.from.unitId, u);
      }
      if (row.result === 'EARLY') u.early++;
      else if (row.result === 'ON_TIME') u.onTime++;
      else u.late++;
    }
  };

  const apply = (code: string, event: DossierEvent): SimulationView => {
    const o = open.get(code);
    if (!o) throw new TransitionError(code, event.type, 'closed', 'the dossier is closed or unknown');
    const state = standardState(o.ctx);
    const denial = denialOf(o.env, o.ctx, event);
    if (denial?.kind === 'permission') throw new PermissionError(code, event.type, denial.reason);
    if (denial) throw new TransitionError(code, event.type, state, denial.reason);
    if (!o.events.get(state)?.has(event.type))
      throw new TransitionError(code, event.type, state, 'no transition for this event here');
    const before = o.ctx.slip.length;
    const legalBefore = o.ctx.due.legal;
    o.ctx = ACTIONS[event.type as keyof typeof ACTIONS](o.env, o.ctx, event as never);
    countSlip(o.ctx.slip, before);
    const next = standardState(o.ctx);
    if (o.ctx.outcome) {
      summaries.push(summaryOf(o, next));
      open.delete(code);
    } else if (o.ctx.due.legal !== legalBefore) overdue.push(Date.parse(o.ctx.due.legal), code);
    return { code, state: next, context: o.ctx };
  };

  return {
    clock,
    calendar,
    procedures,
    async receive(command) {
      const entry = command.version
        ? byKey.get(`${command.procedure}@${command.version}`)
        : byKey.get(
            `${command.procedure}@${procedures.inForce(command.procedure, calendar.localDate(clock.now())).version}`,
          );
      if (!entry)
        throw new MotcuaError('UNKNOWN_PROCEDURE', `no procedure ${command.procedure}`, {
          field: 'procedure',
        });
      const at = command.at ?? clock.now();
      const date = calendar.localDate(at);
      const seqKey = `${command.agency ?? agency}|${date}`;
      const sequence = (sequences.get(seqKey) ?? 0) + 1;
      sequences.set(seqKey, sequence);
      const code = formatDossierCode({ agency: command.agency ?? agency, date, sequence });
      const input = {
        code,
        secret: 'SIM',
        agency: command.agency ?? agency,
        receivedAt: at.toISOString(),
        receivedBy: { ...command.actor, roles: command.actor.roles ?? [] },
        channel: command.channel,
        applicant: command.applicant,
        application: command.application,
      };
      const key = `${entry.procedure.code}@${entry.procedure.version}`;
      if (!validated.has(key)) {
        entry.procedure.receive(input); // the full checks once per procedure: samples are reused
        validated.add(key);
      }
      const ctx = act.receiptContext(entry.env, input as act.ReceiptInput);
      const o: Open = { ...entry, ctx };
      open.set(code, o);
      countSlip(ctx.slip, 0);
      overdue.push(Date.parse(ctx.due.legal), code);
      return { code, state: standardState(ctx), context: ctx };
    },
    async send(code, event) {
      const e = event as unknown as DossierEvent & { at?: string };
      const at = e.at ?? clock.now().toISOString();
      const actor = e.actor.roles ? e.actor : { ...e.actor, roles: [] };
      return apply(code, { ...e, at, actor } as DossierEvent);
    },
    async runDueTimers() {
      const now = clock.now().getTime();
      let fired = 0;
      while (overdue.peekAt() < now) {
        const { at, item: code } = overdue.pop()!;
        const o = open.get(code);
        if (!o || o.ctx.overdue || o.ctx.pause || Date.parse(o.ctx.due.legal) !== at) continue;
        apply(code, { type: 'MARK_OVERDUE', at: new Date(now).toISOString(), actor: systemActor });
        fired++;
      }
      return { fired };
    },
    async report(query) {
      const all = [...summaries, ...[...open.values()].map((o) => summaryOf(o, standardState(o.ctx)))];
      return aggregateReport(all, query);
    },
    async unitReport() {
      return [...units.values()].sort((a, b) => (a.unit < b.unit ? -1 : 1));
    },
  };
}
