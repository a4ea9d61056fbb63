export { buildLifecycleMachine, type DossierMachine, lifecycleSetup } from './build-machine.js';
export { type CheckMachineOptions, checkMachine, type MachineProblem } from './check-machine.js';
export {
  type CompiledMachine,
  type CompiledStep,
  compileMachine,
  type TableGap,
  tableGaps,
} from './compiled-machine.js';
export {
  type AnyProcedure,
  type ApplicationInputOf,
  type ApplicationOf,
  type DefineProcedureOptions,
  type DossierSnapshot,
  defineProcedure,
  type MachineFactory,
  type PersistedDossier,
  type Procedure,
  type ReceiveInput,
  type SubmitInput,
  stateName,
  type TypedProcedureDefinitionInput,
  type TypedReceiptCheck,
} from './define-procedure.js';
export {
  type Phase,
  PhaseSchema,
  type ProcedureDefinition,
  type ProcedureDefinitionInput,
  ProcedureDefinitionSchema,
  type ReceiptCheck,
  type ReceiptFacts,
  type ReceiptIssue,
  type Step,
  type StepBudget,
  StepBudgetSchema,
  StepSchema,
} from './definition-schema.js';
export { type ReceiptInput, receiptContext } from './lifecycle-actions.js';
export type { LifecycleEnv } from './lifecycle-env.js';
export { INTAKE_STATES, type SubmissionInput, submissionContext } from './lifecycle-intake.js';
export { paymentIssues, paymentLines, unpaidBeforeResult } from './lifecycle-payments.js';
export { type Denial, denialOf, SYSTEM_ROLE } from './lifecycle-rules.js';
export { DEFAULT_NATIONAL_STATUS, nationalStatusOf } from './national-status.js';
export { inForceOn, type Migration, ProcedureRegistry } from './registry.js';
export { machineToMermaid } from './state-diagram.js';
