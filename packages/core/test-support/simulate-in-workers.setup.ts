/** A setup module for the tests of `simulateInWorkers`: the sample procedure and receipt. */

import type { SimulationSetup } from '../src/simulation/worker-protocol.js';
import { sampleProcedure, sampleReceipt, testCalendar } from '../src/testing/fixtures.js';

export function setup(argument: { failWith?: string } | undefined): SimulationSetup {
  if (argument?.failWith) throw new Error(argument.failWith);
  return {
    procedures: [sampleProcedure()],
    calendar: testCalendar(),
    samples: { '1.004194': () => sampleReceipt },
  };
}
