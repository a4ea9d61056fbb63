import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Clock } from '../clock/clock.js';
import type { WarningMemo } from '../deadlines/deadlines.js';
import { summaryOf, summaryWithNationalStatus } from '../engine/dossier-summary.js';
import { checkEvent, checkReceive } from '../engine/engine-input.js';
import { type EngineEvent, type ReceiveCommand, SYSTEM_ACTOR } from '../engine/engine-types.js';
import { receiptJournalEntry, transitionJournalEntry } from '../engine/journal-entries.js';
import { checkRating, type RatingRules, ratedDossier, ratingRules } from '../engine/rate-dossier.js';
import { byClaimOrder, owedTimerRows, timerFiring, timerIdLength } from '../engine/timer-rows.js';
import { NotFoundError, TransitionError } from '../errors/dossier-errors.js';
import { MotcuaError } from '../errors/motcua-error.js';
import { type Actor, toInstant } from '../model/actor.js';
import type { Channel } from '../model/channel.js';
import { formatDossierCode } from '../model/dossier-code.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import type { DossierSummary } from '../model/dossier-summary.js';
import { instantMs } from '../model/instant-format.js';
import type { LiaisonLinkInput } from '../model/liaison-context.js';
import type { Rating } from '../model/rating.js';
import type { SlipRow } from '../model/slip-row.js';
import { type PersistedDossier, type Procedure, stateName } from '../procedure/define-procedure.js';
import type { ProcedureRegistry } from '../procedure/registry.js';
import { countUnitStep, finishUnitRows, type UnitCounts } from '../report/aggregate-report.js';
import { ClosedSummaries } from '../report/closed-summaries.js';
import type { ReportQuery, ReportRow, UnitReportRow } from '../report/report-types.js';
import type { JournalEntry, TimerRow } from '../store/store-types.js';
import { EventQueue } from './event-queue.js';

/**
 * What the store-less core keeps of a dossier. A caller that tracks dossiers of its own (the
 * simulation) extends this record, so each dossier is one object; create every field up front
 * (one shape for all), the core fills them at receipt.
 */
export interface CoreDossier extends WarningMemo {
  code: string;
  /** The dossier as the last command left it, as a store would hold it; `undefined` before receipt and once closed (unless records are kept). */
  persisted: PersistedDossier | undefined;
  procedure: Procedure | undefined;
  /** The version a store would hold (receipt = 1, +1 per command or fired timer). */
  version: number;
  /** Ids of the timers fired (the engine's `firedTimers`). */
  fired: string[];
  /** Its pending timer rows, as the engine would commit them. */
  timers: TimerRow[];
  /** Position in the list of open dossiers; -1 before receipt and once closed. */
  slot: number;
  /** Receipt order. */
  order: number;
}

/** A fresh record, every field set (one shape for all). */
export function newCoreDossier(): CoreDossier {
  return {
    code: '',
    persisted: undefined,
    procedure: undefined,
    version: 0,
    fired: [],
    timers: [],
    slot: -1,
    order: 0,
    warnCurrent: '',
    warnReceivedAt: '',
    warnCalendar: undefined,
    warnBefore: 0,
    warnAt: null,
  };
}

/** Options of `StorelessCore`. */
export interface StorelessCoreOptions {
  readonly procedures: ProcedureRegistry;
  readonly calendar: WorkingCalendar;
  readonly clock: Clock;
  readonly agency: string;
  /** Random numbers for secrets (default `Math.random`). */
  readonly random?: () => number;
  /** Warn this many working minutes before a due time (the engine's option of the same name). */
  readonly warnBeforeMinutes?: number;
  /** Keep every dossier's journal and final snapshot, for {@link StorelessCore.get} (tests; costs memory). */
  readonly keepRecords?: boolean;
  /** Ratings (the engine's option of the same name): the criteria set and the amendment window. */
  readonly ratings?: Partial<RatingRules>;
}

const SECRET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * The row among `old` that is `row` or has its id, if any. Ids are compared only where they can
 * be equal for different deadlines (the same length, instants of different lengths): an id is
 * written only when read (`owedTimerRows`).
 */
function keptRow(old: readonly TimerRow[], row: TimerRow): TimerRow | undefined {
  for (const o of old) if (o === row) return o;
  const length = timerIdLength(row.code, row.kind, row.at, row.stepId);
  for (const o of old) {
    if (o.code !== row.code || o.kind !== row.kind) continue;
    if (o.at === row.at && o.stepId === row.stepId) return o;
    if (
      o.at.length !== row.at.length &&
      timerIdLength(o.code, o.kind, o.at, o.stepId) === length &&
      o.id === row.id
    )
      return o;
  }
  return undefined;
}

/** `rows` less the one of id `id` (a copy with one spare slot at most), or `rows` itself if none has it. */
function withoutTimer(rows: TimerRow[], id: string): TimerRow[] {
  let i = 0;
  while (i < rows.length && (rows[i] as TimerRow).id !== id) i++;
  if (i === rows.length) return rows;
  const next = rows.slice();
  next.splice(i, 1);
  return next;
}

/** A timer row in the queue, with its dossier. */
interface QueuedTimer<D> {
  readonly dossier: D;
  readonly row: TimerRow;
}

/** Steps closed by units, in columns: the instant, the unit, the result. */
class UnitSteps {
  private size = 0;
  private at = new Float64Array(1024);
  private unit = new Uint16Array(1024);
  private result = new Uint8Array(1024);
  private readonly units: string[] = [];
  private readonly ids = new Map<string, number>();
  private static readonly RESULTS = ['EARLY', 'ON_TIME', 'LATE'] as const;

  add(row: SlipRow): void {
    if (!row.stepId || !row.result) return;
    let id = this.ids.get(row.from.unitId);
    if (id === undefined) {
      id = this.units.length;
      this.units.push(row.from.unitId);
      this.ids.set(row.from.unitId, id);
    }
    if (this.size === this.at.length) {
      const grow = <T extends Float64Array | Uint16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.at = grow(this.at, (n) => new Float64Array(n));
      this.unit = grow(this.unit, (n) => new Uint16Array(n));
      this.result = grow(this.result, (n) => new Uint8Array(n));
    }
    const i = this.size++;
    this.at[i] = instantMs(row.at);
    this.unit[i] = id;
    this.result[i] = UnitSteps.RESULTS.indexOf(row.result);
  }

  /** As `aggregateUnitReport` counts the same slip rows. */
  report(query: { from: string; to: string }): UnitReportRow[] {
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    const byUnit = new Map<string, UnitCounts>();
    for (let i = 0; i < this.size; i++) {
      const at = this.at[i]!;
      if (at < from || at >= to) continue;
      countUnitStep(byUnit, this.units[this.unit[i]!]!, UnitSteps.RESULTS[this.result[i]!]!);
    }
    return finishUnitRows(byUnit);
  }
}

/**
 * The engine's path without a store, for simulations: the same receipt and event checks, the
 * procedure's own transition ({@link Procedure.start} and {@link Procedure.step}: the compiled
 * table), the same timer rows ({@link timerRows}) fired the same way ({@link timerFiring}), the
 * same journal entries, and the same report counting (closed dossiers kept as report columns,
 * {@link ClosedSummaries}; steps by unit as slip facts). Dossiers are records the caller holds
 * (no lookup by code on the hot path) and commands are synchronous. No outbox and no plugins:
 * simulate on an engine to test those.
 */
export class StorelessCore<D extends CoreDossier> {
  readonly procedures: ProcedureRegistry;
  readonly calendar: WorkingCalendar;
  readonly clock: Clock;
  private readonly agency: string;
  private readonly random: () => number;
  private readonly deadlineOptions: { calendar: WorkingCalendar; warnBeforeMinutes?: number };
  private readonly open: D[] = [];
  private readonly closed = new ClosedSummaries();
  private readonly units = new UnitSteps();
  private readonly timers = new EventQueue<QueuedTimer<D>>();
  private readonly sequences = new Map<string, number>();
  private readonly records: Map<string, { dossier: D; journal: JournalEntry[] }> | undefined;
  private readonly ratings: RatingRules;
  private received = 0;
  /** The clock's time, for `checkEvent` (one function, not one per command). */
  private readonly now = (): Date => this.clock.now();

  constructor(options: StorelessCoreOptions) {
    this.procedures = options.procedures;
    this.calendar = options.calendar;
    this.clock = options.clock;
    this.agency = options.agency;
    this.random = options.random ?? Math.random;
    this.deadlineOptions = {
      calendar: options.calendar,
      ...(options.warnBeforeMinutes === undefined ? {} : { warnBeforeMinutes: options.warnBeforeMinutes }),
    };
    this.records = options.keepRecords ? new Map() : undefined;
    this.ratings = ratingRules(options.ratings);
  }

  /** Number of open dossiers. */
  get openCount(): number {
    return this.open.length;
  }

  /** Receives a dossier into `d`, as `engine.receive` does. */
  receive(d: D, input: ReceiveCommand): void {
    const command = checkReceive(input);
    const at = command.at === undefined ? this.clock.now() : new Date(command.at);
    const localDate = this.calendar.localDate(at);
    const procedure = command.version
      ? this.procedures.get(command.procedure, command.version)
      : this.procedures.inForce(command.procedure, localDate);
    const agency = command.agency ?? this.agency;
    const draft = procedure.start({
      code: 'pending',
      secret: 'pending',
      agency,
      receivedAt: at,
      receivedBy: command.actor as Actor,
      channel: command.channel as Channel,
      applicant: command.applicant,
      application: command.application,
      ...(command.liaison === undefined ? {} : { liaison: command.liaison as LiaisonLinkInput }),
    });
    const key = `${agency}|${localDate}`;
    const sequence = (this.sequences.get(key) ?? 0) + 1;
    this.sequences.set(key, sequence);
    const code = formatDossierCode({ agency, date: localDate, sequence });
    const persisted: PersistedDossier = {
      ...draft,
      context: { ...draft.context, code, secret: this.secret() },
    };
    d.code = code;
    d.persisted = persisted;
    d.procedure = procedure;
    d.version = 1;
    d.order = this.received++;
    d.slot = this.open.length;
    this.open.push(d);
    if (this.records) {
      const entry = receiptJournalEntry(
        persisted.context,
        procedure,
        persisted.context.receivedBy,
        stateName(persisted.value),
        null,
      );
      // Entered now, as the engine's commit records it.
      this.records.set(code, { dossier: d, journal: [{ ...entry, enteredAt: toInstant(this.clock.now()) }] });
    }
    for (const row of persisted.context.slip) this.units.add(row);
    this.setTimers(d, owedTimerRows(persisted.context, d.fired, this.deadlineOptions, d.timers, d));
    if (persisted.status === 'done') this.close(d);
  }

  /** Applies an event to `d`, as `engine.send` does; updates `d`. */
  send(d: D, input: EngineEvent): void {
    const event = checkEvent(input, this.now) as unknown as DossierEventInput & { at: string };
    const before = d.persisted;
    const procedure = d.procedure;
    if (!before || !procedure) {
      if (d.code) throw new TransitionError(d.code, event.type, 'closed', 'the dossier is closed');
      throw new NotFoundError('dossier', '(not received)');
    }
    const after = procedure.step(before, event);
    this.commit(d, before, after, event.type, event, false);
  }

  /**
   * Records the applicant's rating of a returned dossier `d`, as `engine.rate` does with a desk
   * officer (`actor`): the same checks and rule (`ratedDossier`), the same `RATING` journal entry,
   * the dossier's version +1; the state, the timers and the report facts do not change. The public
   * path (`secret`) is the engine's only.
   * @throws `ValidationError` naming the field; `TransitionError` / `PermissionError` as the engine.
   */
  rate(d: D, input: unknown): Rating {
    const command = checkRating(this.ratings, input);
    if (command.secret !== undefined) {
      throw new MotcuaError('INVALID_OPTION', 'the store-less core takes ratings at the desk only', {
        field: 'secret',
      });
    }
    const before = d.persisted;
    const procedure = d.procedure;
    if (!before || !procedure) throw new NotFoundError('dossier', d.code || '(not received)');
    const at = command.at ?? toInstant(this.clock.now());
    const { rewritten, event } = ratedDossier(before, procedure.definition, this.ratings, command, at);
    d.version++;
    d.persisted = rewritten;
    if (this.records) {
      const state = stateName(rewritten.value);
      this.records.get(d.code)?.journal.push({
        ...transitionJournalEntry(d.code, d.version, 'RATING', event, { before: state, after: state }, null),
        enteredAt: toInstant(this.clock.now()),
      });
    }
    return rewritten.context.rating as Rating;
  }

  /**
   * Fires every timer due at `now` (ms; those whose instant is before it), in the order a store
   * claims them, as `engine.runDueTimers` does.
   */
  runDueTimers(now: number): { fired: number; skipped: number } {
    let fired = 0;
    let skipped = 0;
    for (;;) {
      const due: QueuedTimer<D>[] = [];
      while (this.timers.peekAt() < now) {
        const t = this.timers.shift() as QueuedTimer<D>;
        if (t.dossier.slot >= 0 && t.dossier.timers.includes(t.row)) due.push(t);
      }
      if (due.length === 0) return { fired, skipped };
      due.sort((a, b) => byClaimOrder(a.row, b.row));
      for (const { dossier: d, row } of due) {
        if (d.slot < 0 || !d.timers.includes(row)) {
          skipped++;
          continue;
        }
        this.fire(d, row, now);
        fired++;
      }
    }
  }

  /** The report over closed and open dossiers, as `aggregateReport` gives it over their summaries. */
  report(query: ReportQuery): ReportRow[] {
    // The report reads no national status: the summaries are made without it (no mapping per dossier).
    const live = [...this.open]
      .sort((a, b) => a.order - b.order)
      .map((d) => summaryOf(d.persisted as PersistedDossier));
    return this.closed.report(query, live);
  }

  /** Steps closed by each unit in a period, from the control-slip rows. */
  unitReport(query: { from: string; to: string }): UnitReportRow[] {
    return this.units.report(query);
  }

  /** Summaries of every dossier received (needs `keepRecords`). */
  list(): DossierSummary[] {
    return [...this.kept().values()].map((r) => this.summary(r.dossier));
  }

  /** A dossier's journal, control slip and snapshot (needs `keepRecords`). */
  get(code: string): {
    journal: readonly JournalEntry[];
    slip: readonly SlipRow[];
    context: PersistedDossier['context'];
    state: string;
  } {
    const r = this.kept().get(code);
    const persisted = r?.dossier.persisted;
    if (!r || !persisted) throw new NotFoundError('dossier', code);
    return {
      journal: r.journal,
      slip: persisted.context.slip,
      context: persisted.context,
      state: stateName(persisted.value),
    };
  }

  /** An open dossier by code (a scan: not for hot paths). */
  find(code: string): D | undefined {
    return this.records?.get(code)?.dossier ?? this.open.find((d) => d.code === code);
  }

  private kept() {
    if (!this.records)
      throw new MotcuaError('INVALID_OPTION', 'the store-less core keeps records only with keepRecords', {
        field: 'keepRecords',
      });
    return this.records;
  }

  private summary(d: D): DossierSummary {
    return d.procedure
      ? summaryWithNationalStatus(d.persisted as PersistedDossier, d.procedure.definition)
      : summaryOf(d.persisted as PersistedDossier);
  }

  /** Fires one timer, as the engine's `fireTimer` does. */
  private fire(d: D, row: TimerRow, now: number): void {
    const before = d.persisted as PersistedDossier;
    const procedure = d.procedure as Procedure;
    const { machineEvent, event } = timerFiring(row, now, before.context.updatedAt, SYSTEM_ACTOR);
    let stepped: PersistedDossier | undefined;
    let refused: string | undefined;
    if (machineEvent !== null) {
      try {
        stepped = procedure.step(before, event);
      } catch (e) {
        if (!(e instanceof MotcuaError)) throw e;
        refused = e.message;
      }
    }
    d.fired.push(row.id);
    if (stepped) this.commit(d, before, stepped, event.type, event, true);
    else {
      // The context is unchanged, so are its deadlines: the rows are those owed before, less the
      // one fired (what timerRows gives for the same context, its fired ids and these rows).
      const rows = withoutTimer(d.timers, row.id);
      this.commit(
        d,
        before,
        before,
        `TIMER:${row.kind}`,
        refused ? { ...event, refused } : event,
        true,
        rows,
      );
    }
  }

  /**
   * What a store's commit does with a transition: version, journal (entered now, or at a timer's
   * own instant, as the engine's commit records it), slip facts, timers, summary.
   */
  private commit(
    d: D,
    before: PersistedDossier,
    after: PersistedDossier,
    type: string,
    event: { readonly at: string; readonly actor: EngineEvent['actor']; readonly refused?: string },
    timer: boolean,
    rows?: TimerRow[],
  ): void {
    d.version++;
    d.persisted = after;
    if (this.records) {
      const states = { before: stateName(before.value), after: stateName(after.value) };
      const entry = transitionJournalEntry(d.code, d.version, type, event, states, null);
      this.records
        .get(d.code)
        ?.journal.push({ ...entry, enteredAt: timer ? entry.at : toInstant(this.clock.now()) });
    }
    const slip = after.context.slip;
    for (let i = before.context.slip.length; i < slip.length; i++) this.units.add(slip[i] as SlipRow);
    this.setTimers(d, rows ?? owedTimerRows(after.context, d.fired, this.deadlineOptions, d.timers, d));
    if (after.status === 'done') this.close(d);
  }

  /**
   * Replaces a dossier's timers with `rows` (an array without spare room, the core's own); a row
   * of the same id keeps its place in the queue.
   */
  private setTimers(d: D, rows: TimerRow[]): void {
    const old = d.timers;
    if (rows === old) return;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as TimerRow;
      // timerRows hands back the old row object for a timer owed again: it keeps its place.
      const kept = old.length > 0 ? keptRow(old, row) : undefined;
      if (kept !== undefined) rows[i] = kept;
      else this.timers.push(instantMs(row.at), { dossier: d, row });
    }
    d.timers = rows;
  }

  private close(d: D): void {
    // The report facts straight from the context (what its summary would give; no summary and
    // index facts made per closed dossier).
    const persisted = d.persisted as PersistedDossier;
    this.closed.addContext(persisted.context, persisted.procedure.code);
    d.timers = [];
    const last = this.open.pop() as D;
    if (last !== d) {
      this.open[d.slot] = last;
      last.slot = d.slot;
    }
    d.slot = -1;
    // Its report facts are kept; the caller may let its snapshot go (unless records are kept).
  }

  private secret(): string {
    let s = '';
    for (let i = 0; i < 6; i++) s += SECRET_ALPHABET[Math.floor(this.random() * SECRET_ALPHABET.length)];
    return s;
  }
}
