/** The setup module of the province-year benchmark's workers: the sample procedure and receipt. */
import type { SimulationSetup } from '../src/simulation/worker-protocol.js';
import { sampleProcedure, sampleReceipt, testCalendar } from '../src/testing/fixtures.js';

export function setup(): SimulationSetup {
  return {
    procedures: [sampleProcedure()],
    calendar: testCalendar(),
    samples: { '1.004194': () => sampleReceipt },
  };
}
