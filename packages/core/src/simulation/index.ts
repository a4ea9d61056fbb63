export {
  DEFAULT_VISITOR_HOURS,
  type DeskQueueFigures,
  type DeskQueueOptions,
  type DeskQueueResult,
  simulateDeskQueue,
  type WaitFigures,
} from './desk-queue.js';
export { EventQueue } from './event-queue.js';
export type { LiaisonMemberTally, SimulationLiaison, SimulationLiaisonResult } from './liaison-traffic.js';
export type { CapacityResult, UnitCapacityFigures } from './processing-capacity.js';
export { pickWeighted, poisson, seededRandom } from './seeded-random.js';
export { meanMinutes, type ServiceTime, ServiceTimeSchema, serviceTimeSampler } from './service-time.js';
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
export {
  type Desk,
  type DeskField,
  DeskFieldSchema,
  DeskSchema,
  officersAtDesk,
  type ProcessingCapacity,
  ProcessingCapacitySchema,
  type ProcessingUnit,
  ProcessingUnitSchema,
  parseStaffingScenario,
  type StaffingScenario,
  type StaffingScenarioInput,
  StaffingScenarioSchema,
  type StaffingTargets,
  StaffingTargetsSchema,
  type Visitors,
  VisitorsSchema,
} from './staffing-scenario.js';
export {
  estimate,
  type FigureEstimate,
  type ScenarioRun,
  WHAT_IF_FIGURES,
  type WhatIfFigure,
} from './what-if.js';
export { type WhatIfLanguage, whatIfChart, whatIfHtml } from './what-if-report.js';
export {
  applyVariant,
  compareVariants,
  runWhatIf,
  type StaffingSearchResult,
  type StaffingVariant,
  searchStaffing,
  type VariantResult,
  type WhatIfOptions,
} from './what-if-runner.js';
export type { SimulationDataOptions, SimulationSetup, SimulationSetupFunction } from './worker-protocol.js';
