import type { AnyStateNode } from 'xstate';
import type { LocalDate } from '../calendar/local-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { MotcuaError } from '../errors/motcua-error.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { PersistedDossier, Procedure } from './define-procedure.js';
import type { Step } from './definition-schema.js';

/** How to move an in-flight dossier from one version to another. */
export interface Migration {
  /**
   * Old state value (dotted, e.g. `processing.appraise`) → new one, for states that were renamed or
   * removed. A renamed step's open record follows (also while the dossier is `supplementing`).
   */
  readonly states?: Readonly<Record<string, string>>;
  /** Adjusts the context (e.g. fills a field the new application schema requires). */
  readonly context?: (context: DossierContext) => DossierContext;
}

/**
 * Whether a dated version (of a procedure, or any data with an effective period) is in force on a
 * local date: its period, both ends inclusive and open when `effectiveTo` is absent, holds the date.
 * @example
 * ```ts
 * import { inForceOn } from '@motcua/core';
 * inForceOn({ effectiveFrom: '2025-07-01' }, '2026-03-02'); // true
 * inForceOn({ effectiveFrom: '2024-01-01', effectiveTo: '2025-06-30' }, '2025-07-01'); // false
 * ```
 */
export function inForceOn(
  version: { readonly effectiveFrom: string; readonly effectiveTo?: string | undefined },
  date: string,
): boolean {
  return version.effectiveFrom <= date && (version.effectiveTo === undefined || date <= version.effectiveTo);
}

/**
 * The procedure versions a one-stop system knows. A dossier stays on the version it was received
 * under; {@link ProcedureRegistry.inForce} picks the version in force on a receipt date, and
 * {@link ProcedureRegistry.migrate} moves an in-flight dossier to another version explicitly.
 *
 * @example
 * ```ts
 * import { ProcedureRegistry } from '@motcua/core';
 * import { CATALOGUE_CODES, permanentResidence } from '@motcua/procedures';
 * const registry = new ProcedureRegistry(permanentResidence.versions);
 * const residence = registry.inForce(CATALOGUE_CODES.permanentResidence, '2026-03-02');
 * residence.version; // '2025.1': the version under Decree 118/2025
 * ```
 */
export class ProcedureRegistry {
  private readonly byCode = new Map<string, Procedure[]>();

  constructor(procedures: readonly Procedure[] = []) {
    for (const p of procedures) this.register(p);
  }

  /** Adds a version. @throws `DUPLICATE_PROCEDURE` if that code and version are already there. */
  register(procedure: Procedure): this {
    const list = this.byCode.get(procedure.code) ?? [];
    if (list.some((p) => p.version === procedure.version)) {
      throw new MotcuaError(
        'DUPLICATE_PROCEDURE',
        `procedure ${procedure.code}@${procedure.version} is already registered`,
        {
          field: 'version',
          value: procedure.version,
        },
      );
    }
    list.push(procedure);
    list.sort((a, b) => (a.definition.effectiveFrom < b.definition.effectiveFrom ? -1 : 1));
    this.byCode.set(procedure.code, list);
    return this;
  }

  /** Every registered procedure, all versions. */
  all(): Procedure[] {
    return [...this.byCode.values()].flat();
  }

  /** The versions of a procedure code, oldest first. */
  versions(code: string): readonly Procedure[] {
    return this.byCode.get(code) ?? [];
  }

  /** One version. @throws `UNKNOWN_PROCEDURE` naming `code` (no such procedure) or `version`. */
  get(code: string, version: string): Procedure {
    const versions = this.known(code);
    const p = versions.find((v) => v.version === version);
    if (!p)
      throw new MotcuaError('UNKNOWN_PROCEDURE', `procedure ${code} has no version ${version}`, {
        field: 'version',
        value: version,
      });
    return p;
  }

  /** The versions of a code, or `UNKNOWN_PROCEDURE` naming `code`. */
  private known(code: string): readonly Procedure[] {
    const versions = typeof code === 'string' ? this.versions(code) : [];
    if (versions.length === 0)
      throw new MotcuaError('UNKNOWN_PROCEDURE', 'no procedure with this code', {
        field: 'code',
        value: code,
      });
    return versions;
  }

  /**
   * The version in force on a local date (the receipt date): the latest whose effective period
   * contains it. @throws `NO_VERSION_IN_FORCE`.
   */
  inForce(code: string, date: LocalDate): Procedure {
    const candidates = this.known(code).filter((p) => inForceOn(p.definition, date));
    const p = candidates[candidates.length - 1];
    if (!p) {
      throw new MotcuaError('NO_VERSION_IN_FORCE', `procedure ${code} has no version in force on ${date}`, {
        field: 'date',
        value: date,
      });
    }
    return p;
  }

  /** The version in force at an instant, read in the calendar's time zone. */
  inForceAt(code: string, instant: Date, calendar: WorkingCalendar): Procedure {
    return this.inForce(code, calendar.localDate(instant));
  }

  /**
   * Moves a persisted in-flight dossier to another version of its procedure: maps its state,
   * adjusts its context, and checks the result is a state of the target machine.
   * Due times already computed are kept (the dossier's rights do not change on migration).
   * @throws `MIGRATION_FAILED` naming the state that has no counterpart.
   */
  migrate(persisted: PersistedDossier, toVersion: string, migration: Migration = {}): PersistedDossier {
    const target = this.get(persisted.procedure.code, toVersion);
    if (persisted.status === 'done') {
      throw new MotcuaError(
        'MIGRATION_FAILED',
        `dossier ${persisted.context.code} is closed; closed dossiers stay on their version`,
      );
    }
    const dotted = toDotted(persisted.value);
    const mapped = migration.states?.[dotted] ?? dotted;
    const from = `${persisted.procedure.code}@${persisted.procedure.version}`;
    // Walk the state path (getStateNodeById throws a plain Error for a missing child).
    let node: AnyStateNode | undefined = target.machine.root;
    for (const key of mapped.split('.')) node = node?.states[key];
    if (!node || (node.type !== 'atomic' && node.type !== 'final')) {
      throw new MotcuaError(
        'MIGRATION_FAILED',
        `state ${dotted} of ${from} has no counterpart in ${toVersion}; map it in migration.states`,
        { field: 'states', value: dotted },
      );
    }
    const adjusted = migration.context ? migration.context(persisted.context) : persisted.context;
    const context = followRenamedStep(adjusted, migration.states, target.definition.steps);
    const open = context.steps[context.steps.length - 1];
    if (open && open.endedAt === null && !target.definition.steps.some((s) => s.id === open.stepId)) {
      throw new MotcuaError(
        'MIGRATION_FAILED',
        `step ${open.stepId} of ${from}, open in state ${dotted}, has no counterpart in ${toVersion}; map processing.${open.stepId} in migration.states`,
        { field: 'states', value: open.stepId },
      );
    }
    return {
      procedure: { code: target.code, version: toVersion },
      value: fromDotted(mapped),
      status: 'active',
      context: {
        ...context,
        procedure: { code: target.code, version: toVersion, regime: target.definition.regime },
      },
    };
  }
}

/**
 * The open step record follows its step's state when `states` renames it (e.g.
 * `processing.appraise` → `processing.verify`), also while the dossier waits in `supplementing`:
 * the lifecycle reads the open step from the context to hand over, send back and resume.
 */
function followRenamedStep(
  context: DossierContext,
  states: Migration['states'],
  targetSteps: readonly Step[],
): DossierContext {
  const open = context.steps[context.steps.length - 1];
  if (!states || !open || open.endedAt !== null || targetSteps.some((s) => s.id === open.stepId))
    return context;
  for (const [from, to] of Object.entries(states)) {
    if (from.split('.').pop() !== open.stepId) continue;
    const renamed = to.split('.').pop();
    if (!targetSteps.some((s) => s.id === renamed)) continue;
    return { ...context, steps: [...context.steps.slice(0, -1), { ...open, stepId: renamed! }] };
  }
  return context;
}

function toDotted(value: PersistedDossier['value']): string {
  if (typeof value === 'string') return value;
  const [k, v] = Object.entries(value)[0]!;
  return `${k}.${toDotted(v as PersistedDossier['value'])}`;
}

function fromDotted(path: string): PersistedDossier['value'] {
  const parts = path.split('.');
  let value: PersistedDossier['value'] = parts.pop()!;
  while (parts.length) value = { [parts.pop()!]: value };
  return value;
}
