import type { LocalDate } from '../calendar/local-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { DossierContext } from '../dossier/dossier-context.js';
import { MotcuaError } from '../errors/motcua-error.js';
import type { PersistedDossier, Procedure } from './define-procedure.js';

/** How to move an in-flight dossier from one version to another. */
export interface Migration {
  /** Old state value (dotted, e.g. `processing.appraise`) → new one, for states that were renamed or removed. */
  readonly states?: Readonly<Record<string, string>>;
  /** Adjusts the context (e.g. fills a field the new application schema requires). */
  readonly context?: (context: DossierContext) => DossierContext;
}

/**
 * The procedure versions a one-stop system knows. A dossier stays on the version it was received
 * under; {@link ProcedureRegistry.inForce} picks the version in force on a receipt date, and
 * {@link ProcedureRegistry.migrate} moves an in-flight dossier to another version explicitly.
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

  /** One version. @throws `UNKNOWN_PROCEDURE`. */
  get(code: string, version: string): Procedure {
    const p = this.versions(code).find((v) => v.version === version);
    if (!p)
      throw new MotcuaError('UNKNOWN_PROCEDURE', `no procedure ${code}@${version}`, {
        field: 'version',
        value: version,
      });
    return p;
  }

  /**
   * The version in force on a local date (the receipt date): the latest whose effective period
   * contains it. @throws `NO_VERSION_IN_FORCE`.
   */
  inForce(code: string, date: LocalDate): Procedure {
    const candidates = this.versions(code).filter(
      (p) =>
        p.definition.effectiveFrom <= date && (!p.definition.effectiveTo || date <= p.definition.effectiveTo),
    );
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
    const node = target.machine.getStateNodeById(`${target.machine.id}.${mapped}`);
    if (!node || (node.type !== 'atomic' && node.type !== 'final')) {
      throw new MotcuaError(
        'MIGRATION_FAILED',
        `state ${dotted} of ${persisted.procedure.code}@${persisted.procedure.version} has no counterpart in ${toVersion}; map it in migration.states`,
        { field: 'states', value: dotted },
      );
    }
    const context = migration.context ? migration.context(persisted.context) : persisted.context;
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
