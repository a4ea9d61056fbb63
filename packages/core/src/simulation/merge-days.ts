import type { SimulationDay } from './simulation-options.js';

/** The same simulated day from runs over disjoint shares of the arrivals, summed. */
export function mergeDays(parts: readonly SimulationDay[]): SimulationDay {
  const date = parts[0]?.date;
  if (date === undefined) throw new RangeError('mergeDays: no day to merge');
  let received = 0;
  let resolved = 0;
  let timely = 0;
  let open = 0;
  for (const p of parts) {
    if (p.date !== date) throw new RangeError(`mergeDays: ${p.date} merged with ${date}`);
    received += p.received;
    resolved += p.resolved;
    timely += p.timely;
    open += p.open;
  }
  return { date, received, resolved, timely, open };
}
