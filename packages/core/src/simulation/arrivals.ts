import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { isLiaison } from '../liaison/define-liaison.js';
import type { Actor } from '../model/actor.js';
import type { Channel } from '../model/channel.js';
import type { Procedure } from '../procedure/define-procedure.js';
import { budgetMinutes } from '../procedure/lifecycle-env.js';
import { indexPicker, poisson, weightedPicker } from './seeded-random.js';
import { arrival, type ParentDossier, type PlainDossier, type ProcedurePlan } from './sim-dossiers.js';
import type { SimulationArrivals, SimulationShare } from './simulation-options.js';

/** Default weights of the working hours 7…16: a morning peak. */
const DEFAULT_HOURS = [1, 3, 4, 3, 2, 1, 2, 3, 2, 1];
/** Default weights of the channels. */
const DEFAULT_CHANNELS: Readonly<Partial<Record<Channel, number>>> = {
  'in-person': 70,
  'online-full': 20,
  'online-partial': 5,
  postal: 5,
};
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** What the simulation needs of a procedure: its desk, step budgets and accepted channels. */
export function procedurePlan(
  p: Procedure,
  calendar: WorkingCalendar,
  channelWeights: Readonly<Partial<Record<Channel, number>>> | undefined,
  actorOf: (unit: string) => Actor,
): ProcedurePlan {
  const def = p.definition;
  const accepted = def.channels;
  const allowed = Object.fromEntries(
    Object.entries(channelWeights ?? DEFAULT_CHANNELS).filter(([c]) => accepted.includes(c as Channel)),
  ) as Record<Channel, number>;
  const budgets = def.steps.map((s) => budgetMinutes({ def, calendar }, s.budget));
  return {
    procedure: p,
    desk: actorOf(def.desk),
    stepIndex: new Map(def.steps.map((s, i) => [s.id, i])),
    budgets,
    // Summed left to right from the next step, as a reduce over the steps after it would.
    remainingAfter: budgets.map((_, i) => budgets.slice(i + 1).reduce((s, x) => s + x, 0)),
    channels: {
      pick: weightedPicker(allowed),
      any: Object.keys(allowed).length > 0,
      fallback: accepted[0] as Channel,
    },
    liaison: isLiaison(p) ? p : undefined,
  };
}

/** One day's arrivals of a share, in receipt order (by time, ties in drawing order). */
export interface DayArrivals {
  readonly ats: number[];
  readonly dossiers: (PlainDossier | ParentDossier)[];
}

/**
 * Draws arrivals a day at a time from the arrivals' own stream: a Poisson count per working day,
 * hours by weight, procedures by the mix, channels the procedure accepts. Every arrival is drawn
 * whatever the share; those of other shares are left out.
 */
export function arrivalPlanner(options: {
  readonly arrivals: SimulationArrivals;
  readonly days: number;
  readonly first: number;
  readonly calendar: WorkingCalendar;
  /** The plan of a procedure code for arrivals on day `day` (its version in force that day). */
  readonly planOf: (code: string, day: number) => ProcedurePlan;
  readonly mix: Readonly<Record<string, number>>;
  readonly random: () => number;
  readonly share: SimulationShare;
}): (day: number) => DayArrivals {
  const { arrivals, first, calendar, planOf, random, share } = options;
  const pickHour = indexPicker(arrivals.byHour ?? DEFAULT_HOURS);
  const pickProcedure = weightedPicker(options.mix);
  let arrivalIndex = 0;
  return (d) => {
    const ats: number[] = [];
    const dossiers: (PlainDossier | ParentDossier)[] = [];
    if (d >= options.days || !calendar.isWorkingDay(new Date(first + d * DAY))) return { ats, dossiers };
    const count = poisson(arrivals.perWorkingDay, random);
    const at = new Float64Array(count);
    const drawn: { plan: ProcedurePlan; channel: Channel; index: number }[] = [];
    for (let i = 0; i < count; i++) {
      const hour = 7 + pickHour(random);
      at[i] = first + d * DAY + hour * HOUR + Math.floor(random() * HOUR);
      const plan = planOf(pickProcedure(random), d);
      const channel = plan.channels.any ? plan.channels.pick(random) : plan.channels.fallback;
      drawn.push({ plan, channel, index: arrivalIndex++ });
    }
    const order = drawn.map((_, i) => i).sort((a, b) => (at[a] as number) - (at[b] as number) || a - b);
    for (const i of order) {
      const a = drawn[i] as (typeof drawn)[number];
      if (a.index % share.of !== share.index) continue;
      ats.push(at[i] as number);
      dossiers.push(arrival(a.plan, a.channel, a.index));
    }
    return { ats, dossiers };
  };
}
