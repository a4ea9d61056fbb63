export { directRunner, type SimulationTarget, type SimulationView, standardState } from './direct-runner.js';
export { EventQueue } from './event-queue.js';
export type {
  LiaisonMemberTally,
  SimulationLiaison,
  SimulationLiaisonResult,
} from './liaison-traffic.js';
export { pickWeighted, poisson, seededRandom } from './seeded-random.js';
export {
  DEFAULT_BEHAVIOUR,
  type SimulationArrivals,
  type SimulationBehaviour,
  type SimulationDay,
  type SimulationOptions,
  type SimulationResult,
  simulate,
} from './simulate.js';
export {
  simulateInWorkers,
  type WorkerShareResult,
  type WorkerSimulationOptions,
  type WorkerSimulationResult,
} from './simulate-in-workers.js';
export type { SimulationDataOptions, SimulationSetup, SimulationSetupFunction } from './worker-protocol.js';
