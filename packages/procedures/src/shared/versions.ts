import {
  defineProcedure,
  MotcuaError,
  type Procedure,
  type TypedProcedureDefinitionInput,
  type WorkingCalendar,
} from '@motcua/core';
import type { z } from 'zod';
import type { VersionWindow } from './regimes.js';
import type { Variant } from './variants.js';

/**
 * One period of a procedure and the cases with a longer statutory limit it opens besides the
 * standard one, e.g. `{ window: WINDOW_2025, variants: ['verification'] }`. A bare
 * {@link VersionWindow} opens the standard case only.
 */
export type VersionEntry<V extends Variant = Variant> =
  | VersionWindow
  | { readonly window: VersionWindow; readonly variants: readonly Exclude<V, 'standard'>[] };

/**
 * A procedure module's definition function: the definition of one case in one period, typed by
 * its application schema `S`.
 */
export type DefinitionOf<V extends Variant = Variant, S extends z.ZodType = z.ZodType> = (
  window: VersionWindow,
  variant?: V,
) => TypedProcedureDefinitionInput<S>;

/** A catalogue procedure compiled: typed by its application schema `S` (validated and as written). */
export type CatalogueProcedure<S extends z.ZodType = z.ZodType> = Procedure<z.output<S>, z.input<S>>;

/**
 * Every version of one catalogue procedure. The definitions are plain data, made when the module
 * is imported; a compiled `Procedure` (schema check, XState machine, transition table) is
 * built the first time it is asked for and cached, once per calendar.
 */
export interface ProcedureVersions<S extends z.ZodType = z.ZodType> {
  /** The procedure code shared by every version. */
  readonly code: string;
  /** The version strings, oldest period first and, within a period, variants before the standard case. */
  readonly names: readonly string[];
  /** The definitions, in the order of {@link ProcedureVersions.names} (plain data: nothing is built). */
  readonly definitions: readonly TypedProcedureDefinitionInput<S>[];
  /**
   * Every version compiled on the national calendar, in the order of
   * {@link ProcedureVersions.names}: built on first read, then cached. Registered in this order,
   * a `ProcedureRegistry` answers `inForce` with the standard case.
   */
  readonly versions: readonly CatalogueProcedure<S>[];
  /** Every version compiled on another office's calendar (built once per calendar, then cached). */
  versionsOn(calendar: WorkingCalendar): readonly CatalogueProcedure<S>[];
  /**
   * One version, e.g. `marriageRegistration.version('2025.1-verification')`, built on first use.
   * @throws `UNKNOWN_PROCEDURE` naming `version` when there is no such version.
   */
  version(version: string, calendar?: WorkingCalendar): CatalogueProcedure<S>;
  /** The definition of one version (plain data). @throws `UNKNOWN_PROCEDURE` naming `version`. */
  definition(version: string): TypedProcedureDefinitionInput<S>;
}

/**
 * The versions of a procedure from its definition function and the periods it is defined for:
 * what each procedure module exports instead of one constant per version.
 *
 * @example
 * ```ts
 * import { WINDOW_2018, WINDOW_2025, defineVersions, marriageRegistrationDefinition } from '@motcua/procedures';
 * export const marriageRegistration = defineVersions(marriageRegistrationDefinition, [
 *   { window: WINDOW_2018, variants: ['verification'] },
 *   { window: WINDOW_2025, variants: ['verification'] },
 * ]);
 * marriageRegistration.names; // ['2018.1-verification', '2018.1', '2025.1-verification', '2025.1']
 * marriageRegistration.version('2025.1'); // compiled now, cached
 * ```
 */
export function defineVersions<V extends Variant, S extends z.ZodType>(
  definition: DefinitionOf<V, S>,
  windows: readonly VersionEntry<V>[],
): ProcedureVersions<S> {
  const definitions: TypedProcedureDefinitionInput<S>[] = [];
  for (const entry of windows) {
    const [window, variants] = 'window' in entry ? [entry.window, entry.variants] : [entry, []];
    for (const variant of variants) definitions.push(definition(window, variant as V));
    definitions.push(definition(window));
  }
  const code = definitions[0]?.code;
  if (!code) throw new RangeError('defineVersions: give at least one period');
  const names = definitions.map((d) => d.version);
  const byName = new Map(definitions.map((d) => [d.version, d]));
  // Compiled versions by calendar; `undefined` stands for the national calendar.
  const national = new Map<string, CatalogueProcedure<S>>();
  const byCalendar = new WeakMap<WorkingCalendar, Map<string, CatalogueProcedure<S>>>();
  const cacheFor = (calendar: WorkingCalendar | undefined) => {
    if (!calendar) return national;
    const cache = byCalendar.get(calendar) ?? new Map<string, CatalogueProcedure<S>>();
    byCalendar.set(calendar, cache);
    return cache;
  };
  const definitionOf = (version: string): TypedProcedureDefinitionInput<S> => {
    const found = byName.get(version);
    if (!found) {
      throw new MotcuaError('UNKNOWN_PROCEDURE', `procedure ${code} has no version ${version}`, {
        field: 'version',
        value: version,
      });
    }
    return found;
  };
  const versionOf = (version: string, calendar?: WorkingCalendar): CatalogueProcedure<S> => {
    const cache = cacheFor(calendar);
    let built = cache.get(version);
    if (!built) {
      built = defineProcedure(definitionOf(version), calendar ? { calendar } : {});
      cache.set(version, built);
    }
    return built;
  };
  return {
    code,
    names,
    definitions,
    get versions() {
      return names.map((n) => versionOf(n));
    },
    versionsOn: (calendar) => names.map((n) => versionOf(n, calendar)),
    version: versionOf,
    definition: definitionOf,
  };
}
