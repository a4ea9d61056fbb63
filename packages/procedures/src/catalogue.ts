import {
  inForceOn,
  type LocalDate,
  MotcuaError,
  type Procedure,
  type ProcedureDefinitionInput,
  ProcedureRegistry,
  type WorkingCalendar,
} from '@motcua/core';
import { BIRTH_REGISTRATION_CODE, birthRegistration } from './birth-registration.js';
import { CHILD_HEALTH_INSURANCE_CODE, childHealthInsurance } from './child-health-insurance.js';
import { COPY_CERTIFICATION_CODE, copyCertification } from './copy-certification.js';
import { ENTERPRISE_REGISTRATION_CODE, enterpriseRegistration } from './enterprise-registration.js';
import { JUDICIAL_RECORD_CODE, judicialRecord } from './judicial-record.js';
import { LAND_MORTGAGE_REGISTRATION_CODE, landMortgage } from './land-mortgage-registration.js';
import { MARRIAGE_REGISTRATION_CODE, marriageRegistration } from './marriage-registration.js';
import { PERMANENT_RESIDENCE_CODE, permanentResidence } from './permanent-residence.js';
import { type Variant, variantOf } from './shared/variants.js';
import type { ProcedureVersions } from './shared/versions.js';

/**
 * The code of every procedure in the catalogue, by name: the national code (mã TTHC) where two
 * public sources confirm it (`NATIONAL_CODES`), a `PLACEHOLDER:` otherwise (see each module).
 */
export const CATALOGUE_CODES = {
  birthRegistration: BIRTH_REGISTRATION_CODE,
  permanentResidence: PERMANENT_RESIDENCE_CODE,
  childHealthInsurance: CHILD_HEALTH_INSURANCE_CODE,
  marriageRegistration: MARRIAGE_REGISTRATION_CODE,
  copyCertification: COPY_CERTIFICATION_CODE,
  landMortgageRegistration: LAND_MORTGAGE_REGISTRATION_CODE,
  enterpriseRegistration: ENTERPRISE_REGISTRATION_CODE,
  judicialRecord: JUDICIAL_RECORD_CODE,
} as const;

/** Name of a catalogue procedure (a key of {@link CATALOGUE_CODES}). */
export type CatalogueProcedureName = keyof typeof CATALOGUE_CODES;

/**
 * Every catalogue procedure with its versions, in catalogue order. Nothing is compiled until a
 * version is asked for.
 */
export const CATALOGUE: readonly ProcedureVersions[] = [
  birthRegistration,
  permanentResidence,
  childHealthInsurance,
  marriageRegistration,
  copyCertification,
  landMortgage,
  enterpriseRegistration,
  judicialRecord,
];

/**
 * The definition of every version of every catalogue procedure (plain data, nothing compiled), in
 * the order of {@link catalogueVersions}.
 */
export const catalogueDefinitions: readonly ProcedureDefinitionInput[] = CATALOGUE.flatMap(
  (p) => p.definitions,
);

/**
 * Every version of every catalogue procedure, each procedure's versions oldest period first and,
 * within a period, variants before the standard case. Compiled on the first call (on the national
 * calendar, or on `calendar`), then cached: importing the package compiles nothing.
 *
 * @example
 * ```ts
 * import { simulate } from '@motcua/core/simulation';
 * import { CATALOGUE_CODES, catalogueSamples, catalogueVersions } from '@motcua/procedures';
 * const code = CATALOGUE_CODES.copyCertification;
 * const result = await simulate({
 *   procedures: catalogueVersions(), start: '2026-03-02', days: 5, seed: 7,
 *   arrivals: { perWorkingDay: 20 }, samples: { [code]: () => catalogueSamples[code]! },
 * });
 * ```
 */
export function catalogueVersions(calendar?: WorkingCalendar): readonly Procedure[] {
  return CATALOGUE.flatMap((p) => (calendar ? p.versionsOn(calendar) : p.versions));
}

/** Options of {@link createCatalogue}. */
export interface CatalogueOptions {
  /** Count deadlines on this office's calendar (default: the national civil-service calendar). */
  readonly calendar?: WorkingCalendar;
}

/**
 * A `ProcedureRegistry` holding every version of every catalogue procedure, ready for
 * `createEngine({ procedures: createCatalogue({ calendar }), calendar, … })`. The versions are
 * compiled on the first call for a calendar and shared by later calls; give the engine the same
 * calendar object, so that it does not compile them again for its own calendar.
 *
 * `registry.inForce(code, receiptDate)` answers with the **standard** case in force that day: the
 * variants with a longer statutory limit (marriage needing verification, mortgage special cases,
 * the 15-day judicial-record cases) share the standard version's period and are registered before
 * it, and the registry returns the last registered of the versions in force. Ask for a variant
 * with {@link procedureFor}.
 *
 * @example
 * ```ts
 * import { createEngine, vietnamCalendar } from '@motcua/core';
 * import { CATALOGUE_CODES, createCatalogue } from '@motcua/procedures';
 * const calendar = vietnamCalendar();
 * const procedures = createCatalogue({ calendar }); // give the engine the same calendar object
 * const engine = createEngine({ procedures, calendar, agency: '000.00.14.H56' });
 * procedures.inForce(CATALOGUE_CODES.birthRegistration, '2026-03-02').version; // '2025.1'
 * ```
 */
export function createCatalogue(options: CatalogueOptions = {}): ProcedureRegistry {
  return new ProcedureRegistry(catalogueVersions(options.calendar));
}

/**
 * The version of a procedure in force on a receipt date for one case (default the standard
 * case), e.g. `procedureFor(registry, CATALOGUE_CODES.marriageRegistration, '2026-03-02',
 * 'verification')`. Receive the dossier with its version: `engine.receive({ procedure: p.code,
 * version: p.version, … })`.
 * @throws `NO_VERSION_IN_FORCE` when that case has no version that day (e.g. the 15-day
 * judicial-record case from 01/07/2026, whose figure under the new law is unknown).
 *
 * @example
 * ```ts
 * import { CATALOGUE_CODES, createCatalogue, procedureFor } from '@motcua/procedures';
 * const registry = createCatalogue();
 * const p = procedureFor(registry, CATALOGUE_CODES.marriageRegistration, '2026-03-02', 'verification');
 * p.version; // '2025.1-verification': receive with { procedure: p.code, version: p.version, … }
 * ```
 */
export function procedureFor(
  registry: ProcedureRegistry,
  code: string,
  date: LocalDate,
  variant: Variant = 'standard',
): Procedure {
  const candidates = registry
    .versions(code)
    .filter((p) => variantOf(p) === variant && inForceOn(p.definition, date));
  const hit = candidates[candidates.length - 1];
  if (!hit) {
    throw new MotcuaError(
      'NO_VERSION_IN_FORCE',
      `procedure ${code} has no ${variant} version in force on ${date}`,
      { field: 'variant', value: variant },
    );
  }
  return hit;
}

/**
 * The cases (variants) of a procedure open on a receipt date, standard first.
 *
 * @example
 * ```ts
 * import { CATALOGUE_CODES, createCatalogue, variantsInForce } from '@motcua/procedures';
 * variantsInForce(createCatalogue(), CATALOGUE_CODES.marriageRegistration, '2026-03-02'); // ['standard', 'verification']
 * ```
 */
export function variantsInForce(registry: ProcedureRegistry, code: string, date: LocalDate): Variant[] {
  const found = new Set(
    registry
      .versions(code)
      .filter((p) => inForceOn(p.definition, date))
      .map((p) => variantOf(p)),
  );
  return [...found].sort((a, b) => (a === 'standard' ? -1 : b === 'standard' ? 1 : a.localeCompare(b)));
}

/**
 * The standard version of each procedure in force on a date (procedures with none that day are
 * left out): what a simulation of traffic received around that date should run.
 *
 * @example
 * ```ts
 * import { createCatalogue, proceduresInForce } from '@motcua/procedures';
 * proceduresInForce(createCatalogue(), '2026-03-02').map((p) => p.definition.name.vi);
 * ```
 */
export function proceduresInForce(registry: ProcedureRegistry, date: LocalDate): Procedure[] {
  const codes = [...new Set(registry.all().map((p) => p.code))];
  return codes.flatMap((code) => {
    try {
      return [procedureFor(registry, code, date)];
    } catch {
      return [];
    }
  });
}
