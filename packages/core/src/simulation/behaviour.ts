import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { Fate, ProcedurePlan, SimDossier } from './sim-dossiers.js';
import type { SimulationBehaviour } from './simulation-options.js';

/** The pace of a step drawn for a dossier, and the apology it brings, if any. */
export interface StepPlan {
  /** When the officer hands the step on (ms). */
  readonly end: number;
  /** An apology (Form 04) to send a working day before the due time, with its new date. */
  readonly apology: { readonly at: number; readonly newDue: number } | undefined;
}

/**
 * How officers and applicants behave, drawn from the behaviour stream: each dossier's fate (slow
 * step, supplementation, refusal, withdrawal, apology), each step's pace, the applicant's delays.
 */
export class BehaviourDraws {
  constructor(
    private readonly behaviour: SimulationBehaviour,
    private readonly random: () => number,
    private readonly calendar: WorkingCalendar,
  ) {}

  /** A number drawn uniformly in the range. */
  uniform(range: readonly [number, number]): number {
    return range[0] + this.random() * (range[1] - range[0]);
  }

  /** A time `range` working minutes after `now` (ms). */
  laterBy(now: number, range: readonly [number, number]): number {
    return this.calendar.addWorkingMinutesMs(now, this.uniform(range));
  }

  /** Draws the fate of a worked dossier; with `withdrawal`, its withdrawal too (between refusal and apology). */
  fate(
    d: Fate & { plan: ProcedurePlan; withdrawAfterDays: number },
    now: number,
    withdrawal: boolean,
  ): number {
    const steps = d.plan.procedure.definition.steps;
    const pickStep = () => Math.floor(this.random() * steps.length);
    d.slowStep = this.random() < this.behaviour.lateShare ? pickStep() : -1;
    d.supplementStep = this.random() < this.behaviour.supplementShare ? Math.max(1, pickStep()) : -1;
    d.refuseStep = this.random() < this.behaviour.refusalShare ? Math.max(1, pickStep()) : -1;
    const withdrawAt = withdrawal ? this.withdrawal(d, now) : -1;
    d.apologise = this.random() < this.behaviour.apologyShare;
    return withdrawAt;
  }

  /** Whether (and when, ms) the applicant withdraws; -1 if not. */
  withdrawal(d: Pick<SimDossier, 'withdrawAfterDays'>, now: number): number {
    const b = this.behaviour;
    d.withdrawAfterDays = this.random() < b.withdrawalShare ? 1 + Math.floor(this.random() * 5) : -1;
    if (d.withdrawAfterDays <= 0) return -1;
    const minutes = d.withdrawAfterDays * this.calendar.workingDayMinutes;
    return this.calendar.addWorkingMinutesMs(now, minutes);
  }

  /** The open step's pace from `now`; an apology when the dossier will be late and the agency says so. */
  step(d: Fate & { plan: ProcedurePlan }, ctx: DossierContext, index: number, now: number): StepPlan {
    const plan = d.plan;
    let pace = this.uniform(this.behaviour.stepPace);
    if (index === d.slowStep) pace = 1.5 + this.random() * 2.5;
    const end = this.calendar.addWorkingMinutesMs(now, (plan.budgets[index] as number) * pace);
    return { end, apology: index === d.slowStep ? this.apology(d, ctx, index, now, end) : undefined };
  }

  /** How long a slow step holds a dossier (1.5–4× its budget from `now`), or 0 for a step at its pace. */
  slowUntil(d: Fate & { plan: ProcedurePlan }, index: number, now: number): number {
    if (index !== d.slowStep) return 0;
    const pace = 1.5 + this.random() * 2.5;
    return this.calendar.addWorkingMinutesMs(now, (d.plan.budgets[index] as number) * pace);
  }

  /**
   * The apology (Form 04) of a step ending at `end`: when the dossier will then be late and its
   * agency says so, a working day before the due time, with the projected date as the new one.
   */
  apology(
    d: Fate & { plan: ProcedurePlan },
    ctx: DossierContext,
    index: number,
    now: number,
    end: number,
  ): StepPlan['apology'] {
    if (!d.apologise || ctx.apology) return undefined;
    const due = Date.parse(ctx.due.current);
    const remaining = d.plan.remainingAfter[index] as number;
    const day = this.calendar.workingDayMinutes;
    const projected = this.calendar.addWorkingMinutesMs(end, remaining + day);
    if (projected <= due) return undefined;
    const at = Math.max(now + 60_000, this.calendar.addWorkingMinutesMs(due, -day));
    return at < end ? { at, newDue: projected } : undefined;
  }

  /** Working days the applicant takes to supplement, as working minutes. */
  supplementMinutes(): number {
    return this.uniform(this.behaviour.supplementDays) * this.calendar.workingDayMinutes;
  }

  /** Working hours between the result being ready and the applicant collecting it. */
  get pickupHours(): readonly [number, number] {
    return this.behaviour.pickupHours;
  }
}
