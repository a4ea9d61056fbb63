import type { AnyStateNode } from 'xstate';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { summaryFromContext } from '../engine/dossier-summary.js';
import { PermissionError, TransitionError } from '../errors/dossier-errors.js';
import { MotcuaError } from '../errors/motcua-error.js';
import type { Actor } from '../model/actor.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { DossierEvent } from '../model/dossier-events.js';
import type { DossierSummary } from '../model/dossier-summary.js';
import type { LiaisonEventType } from '../model/liaison-events.js';
import type { Procedure } from '../procedure/define-procedure.js';
import * as act from '../procedure/lifecycle-actions.js';
import type { LifecycleEnv } from '../procedure/lifecycle-env.js';
import { denialOf, openStep, SYSTEM_ROLE } from '../procedure/lifecycle-rules.js';
import type { ProcedureRegistry } from '../procedure/registry.js';
import type { ReportQuery, ReportRow, UnitReportRow } from '../report/report-types.js';
import { ClosedSummaries } from './closed-summaries.js';
import { EventQueue } from './event-queue.js';

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
  visit(procedure.machine.root);
  return out;
}

/** One procedure version as the direct core runs it. */
export interface DirectProcedure {
  readonly procedure: Procedure;
  readonly env: LifecycleEnv;
  readonly events: Map<string, Set<string>>;
}

/**
 * What the direct core keeps of a dossier. A caller that tracks dossiers of its own (the
 * simulation) extends this record with its own fields, so each dossier is one object. Create every
 * field up front (stable shape); the core fills them at receipt.
 */
export interface DirectDossier {
  code: string;
  /** The context as the last command left it; `undefined` before receipt. */
  ctx: DossierContext | undefined;
  /** The state name, e.g. `processing.appraise`; `''` before receipt. */
  state: string;
  procedureEntry: DirectProcedure | undefined;
  /** Position in the list of open dossiers; -1 before receipt and once closed. */
  slot: number;
  /** Receipt order (reports list open dossiers in it). */
  order: number;
  /** The legal due time (ms) the overdue timer was last set for. */
  legalMs: number;
}

/** Steps a unit closed early, on time, late. */
interface UnitCounts {
  unit: string;
  early: number;
  onTime: number;
  late: number;
}

const SYSTEM_ACTOR: Actor = { officerId: 'system', unitId: 'system', name: 'motcua', roles: [SYSTEM_ROLE] };

/**
 * The store-less runner underneath {@link directRunner} and direct-mode `simulate`: dossiers are
 * records the caller holds (no lookup by code on the hot path), commands are synchronous, closed
 * dossiers leave only their report facts ({@link ClosedSummaries}) and their step results by unit.
 */
export class DirectCore<D extends DirectDossier> {
  private readonly byKey = new Map<string, DirectProcedure>();
  private readonly open: D[] = [];
  private readonly closed = new ClosedSummaries();
  private readonly units = new Map<string, UnitCounts>();
  private readonly overdue = new EventQueue<D>();
  private readonly validated = new Set<DirectProcedure>();
  private received = 0;
  /** Open dossiers by code, made on the first lookup by code (the simulation never asks). */
  private byCode: Map<string, D> | undefined;

  constructor(
    readonly procedures: ProcedureRegistry,
    readonly calendar: WorkingCalendar,
  ) {
    for (const p of procedures.all()) {
      if (p.lifecycle !== 'standard') {
        throw new MotcuaError(
          'INVALID_OPTION',
          `directRunner: ${p.code}@${p.version} has a hand-written machine; simulate it on an engine`,
          { field: 'procedures' },
        );
      }
      const bound = p.withCalendar(calendar);
      this.byKey.set(`${p.code}@${p.version}`, {
        procedure: bound,
        env: { def: bound.definition, calendar, unhashedSlip: true },
        events: acceptedEvents(bound),
      });
    }
  }

  /** The procedure version to run, by code and version (the version in force on `date` if none). */
  procedure(code: string, version: string | undefined, date: string): DirectProcedure {
    const entry = this.byKey.get(`${code}@${version ?? this.procedures.inForce(code, date).version}`);
    if (!entry) throw new MotcuaError('UNKNOWN_PROCEDURE', `no procedure ${code}`, { field: 'procedure' });
    return entry;
  }

  /** Number of open dossiers. */
  get openCount(): number {
    return this.open.length;
  }

  /** Receives a dossier into `d` (its code is `input.code`). */
  receive(d: D, entry: DirectProcedure, input: act.ReceiptInput): void {
    if (!this.validated.has(entry)) {
      entry.procedure.receive(input); // the full checks once per procedure: samples are reused
      this.validated.add(entry);
    }
    const ctx = act.receiptContext(entry.env, input);
    d.code = input.code;
    d.ctx = ctx;
    d.state = standardState(ctx);
    d.procedureEntry = entry;
    d.order = this.received++;
    d.slot = this.open.length;
    this.open.push(d);
    this.byCode?.set(d.code, d);
    this.countSlip(ctx.slip, 0);
    d.legalMs = Date.parse(ctx.due.legal);
    this.overdue.push(d.legalMs, d);
  }

  /** Applies an event (with its `at` and its actor's roles) to an open dossier; updates `d`. */
  apply(d: D, event: DossierEvent): void {
    const entry = d.procedureEntry;
    const ctx = d.ctx;
    if (d.slot < 0 || !entry || !ctx)
      throw new TransitionError(d.code, event.type, 'closed', 'the dossier is closed or unknown');
    const state = d.state;
    const denial = denialOf(entry.env, ctx, event);
    if (denial?.kind === 'permission') throw new PermissionError(d.code, event.type, denial.reason);
    if (denial) throw new TransitionError(d.code, event.type, state, denial.reason);
    if (!entry.events.get(state)?.has(event.type))
      throw new TransitionError(d.code, event.type, state, 'no transition for this event here');
    const next = ACTIONS[event.type as keyof typeof ACTIONS](entry.env, ctx, event as never);
    d.ctx = next;
    this.countSlip(next.slip, ctx.slip.length);
    d.state = standardState(next);
    if (next.outcome) this.close(d, next, entry);
    else if (next.due.legal !== ctx.due.legal) {
      d.legalMs = Date.parse(next.due.legal);
      this.overdue.push(d.legalMs, d);
    }
  }

  /** Marks the dossiers past their legal due time before `now` overdue; returns how many. */
  runDueTimers(now: number): number {
    let fired = 0;
    let at: string | undefined;
    while (this.overdue.peekAt() < now) {
      const d = this.overdue.shift()!;
      const ctx = d.ctx;
      if (d.slot < 0 || !ctx || ctx.overdue || ctx.pause || d.legalMs !== this.overdue.lastAt) continue;
      at ??= new Date(now).toISOString();
      this.apply(d, { type: 'MARK_OVERDUE', at, actor: SYSTEM_ACTOR });
      fired++;
    }
    return fired;
  }

  /** An open dossier by code. */
  find(code: string): D | undefined {
    if (!this.byCode) {
      this.byCode = new Map();
      for (const d of this.open) this.byCode.set(d.code, d);
    }
    return this.byCode.get(code);
  }

  /** The report over closed and open dossiers, as `aggregateReport` gives it over their summaries. */
  report(query: ReportQuery): ReportRow[] {
    const live = [...this.open].sort((a, b) => a.order - b.order).map((d) => this.summaryOf(d));
    return this.closed.report(query, live);
  }

  /** Steps closed by each unit over the whole run, sorted by unit. */
  unitReport(): UnitReportRow[] {
    return [...this.units.values()].map((u) => ({ ...u })).sort((a, b) => (a.unit < b.unit ? -1 : 1));
  }

  private summaryOf(d: D): DossierSummary {
    return summaryFromContext(d.ctx!, d.procedureEntry!.procedure, d.state);
  }

  private close(d: D, ctx: DossierContext, entry: DirectProcedure): void {
    this.closed.addContext(ctx, entry.procedure.code);
    // Swap-remove from the open list.
    const last = this.open.pop()!;
    if (last !== d) {
      this.open[d.slot] = last;
      last.slot = d.slot;
    }
    d.slot = -1;
    this.byCode?.delete(d.code);
  }

  private countSlip(rows: DossierContext['slip'], from: number): void {
    for (let i = from; i < rows.length; i++) {
      const row = rows[i]!;
      if (!row.stepId || !row.result) continue;
      let u = this.units.get(row.from.unitId);
      if (!u) {
        u = { unit: row.from.unitId, early: 0, onTime: 0, late: 0 };
        this.units.set(row.from.unitId, u);
      }
      if (row.result === 'EARLY') u.early++;
      else if (row.result === 'ON_TIME') u.onTime++;
      else u.late++;
    }
  }
}
