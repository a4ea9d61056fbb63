export type { DossierMachine } from './build-machine.js';
export { type CheckMachineOptions, checkMachine, type MachineProblem } from './check-machine.js';
export {
  type CompiledMachine,
  type CompiledStep,
  compileMachine,
  type TableGap,
  tableGaps,
} from './compiled-machine.js';
export {
  type DefineProcedureOptions,
  type DossierSnapshot,
  defineProcedure,
  type MachineFactory,
  type PersistedDossier,
  type Procedure,
  type ReceiveInput,
  stateName,
} from './define-procedure.js';
export {
  FeeSchema,
  NamesSchema,
  PermissionEventSchema,
  type ProcedureDefinition,
  type ProcedureDefinitionInput,
  ProcedureDefinitionSchema,
  type ReceiptCheck,
  type ReceiptFacts,
  RequiredDocumentSchema,
  type Step,
  type StepBudget,
  StepBudgetSchema,
  StepKindSchema,
  StepSchema,
  SupplementationSchema,
  UnitSchema,
} from './definition-schema.js';
export { type ReceiptInput, receiptContext } from './lifecycle-actions.js';
export type { LifecycleEnv } from './lifecycle-env.js';
export { type Denial, denialOf, SYSTEM_ROLE } from './lifecycle-rules.js';
export { type Migration, ProcedureRegistry } from './registry.js';
export { machineToMermaid } from './state-diagram.js';
