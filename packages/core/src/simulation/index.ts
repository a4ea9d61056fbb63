export { EventQueue } from './event-queue.js';
export type { LiaisonMemberTally, SimulationLiaison, SimulationLiaisonResult } from './liaison-traffic.js';
export { pickWeighted, poisson, seededRandom } from './seeded-random.js';
export { simulate } from './simulate.js';
export {
  simulateInWorkers,
  type WorkerShareResult,
  type WorkerSimulationOptions,
  type WorkerSimulationResult,
} from './simulate-in-workers.js';
export {
  DEFAULT_BEHAVIOUR,
  type SimulationArrivals,
  type SimulationBehaviour,
  type SimulationDay,
  type SimulationFacts,
  type SimulationFactsOptions,
  type SimulationFactsSummary,
  type SimulationHandoverKind,
  type SimulationOptions,
  type SimulationResult,
  type SimulationTarget,
  type SimulationView,
} from './simulation-options.js';
export type { SimulationDataOptions, SimulationSetup, SimulationSetupFunction } from './worker-protocol.js';
