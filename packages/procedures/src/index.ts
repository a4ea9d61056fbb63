/**
 * @packageDocumentation
 * `@motcua/procedures` — real Vietnamese administrative procedures (thủ tục hành chính) as motcua
 * procedure versions, single-agency and standalone: birth registration, permanent residence
 * registration, the health-insurance card for a child under 6, marriage registration, copy
 * certification, land-use-right mortgage registration, new enterprise registration and the
 * judicial record certificate. Each has a version under Decree 61/2018 (to 30/06/2025) and one
 * under Decree 118/2025 (from 01/07/2025), and `createCatalogue()` holds them all.
 *
 * Procedure codes are national codes (mã TTHC) where two independent public sources confirm them
 * (`NATIONAL_CODES`: birth and marriage registration, permanent residence, copy certification,
 * land-use-right mortgage registration, the paper birth liaison), and placeholders
 * (`PLACEHOLDER:…`) otherwise, to confirm against the National Public Service Portal. Each definition documents its facts with the legal text they come from and an
 * evidence tag: **[C]** confirmed in at least one source read (the official text, a government
 * portal page, or several independent secondary sources); **[S]** one secondary source only (a
 * news article, a legal Q&A, one third-party implementation): provisional; **[R]** recalled and
 * not re-verified: UNCONFIRMED.
 * The inter-agency liaison groups (the "3 in 1" birth liaison, the death liaison) are built
 * separately and reuse these procedures.
 */
export {
  BIRTH_REGISTRATION_CODE,
  type BirthRegistrationApplication,
  birthRegistration,
  birthRegistrationApplication,
  birthRegistrationDefinition,
} from './birth-registration.js';
export {
  CATALOGUE,
  CATALOGUE_CODES,
  type CatalogueOptions,
  type CatalogueProcedureName,
  catalogueDefinitions,
  catalogueVersions,
  createCatalogue,
  procedureFor,
  proceduresInForce,
  variantsInForce,
} from './catalogue.js';
export {
  CHILD_HEALTH_INSURANCE_CODE,
  type ChildHealthInsuranceApplication,
  childHealthInsurance,
  childHealthInsuranceApplication,
  childHealthInsuranceDefinition,
  isUnderSix,
} from './child-health-insurance.js';
export {
  COPY_CERTIFICATION_CODE,
  type CopyCertificationApplication,
  copyCertification,
  copyCertificationApplication,
  copyCertificationDefinition,
  pagesToCertify,
} from './copy-certification.js';
export {
  ENTERPRISE_REGISTRATION_CODE,
  type EnterpriseRegistrationApplication,
  EnterpriseTypeSchema,
  enterpriseRegistration,
  enterpriseRegistrationApplication,
  enterpriseRegistrationDefinition,
} from './enterprise-registration.js';
export {
  JUDICIAL_RECORD_CODE,
  JUDICIAL_RECORD_MOJ_LAST_DAY,
  JUDICIAL_RECORD_MPS_IN_FORCE,
  JUDICIAL_RECORD_WINDOW_2025,
  JUDICIAL_RECORD_WINDOW_2026,
  type JudicialRecordApplication,
  type JudicialRecordVariant,
  judicialRecord,
  judicialRecordApplication,
  judicialRecordDefinition,
  judicialRecordNeedsExtendedLimit,
} from './judicial-record.js';
export {
  LAND_MORTGAGE_REGISTRATION_CODE,
  type LandMortgageApplication,
  type LandMortgageVariant,
  landMortgage,
  landMortgageApplication,
  landMortgageDefinition,
} from './land-mortgage-registration.js';
export * from './liaison/index.js';
export {
  MARRIAGE_REGISTRATION_CODE,
  type MarriageRegistrationApplication,
  type MarriageVariant,
  marriageRegistration,
  marriageRegistrationApplication,
  marriageRegistrationDefinition,
} from './marriage-registration.js';
export {
  PERMANENT_RESIDENCE_CODE,
  type PermanentResidenceApplication,
  permanentResidence,
  permanentResidenceApplication,
  permanentResidenceDefinition,
} from './permanent-residence.js';
export { type ApprovingDecision, type ProcessTableOptions, processFromTable } from './process-table.js';
export {
  catalogueSampleOn,
  catalogueSamples,
  type SampleDossier,
  sampleBirthRegistration,
  sampleChildHealthInsurance,
  sampleCopyCertification,
  sampleEnterpriseRegistration,
  sampleJudicialRecord,
  sampleLandMortgage,
  sampleMarriageRegistration,
  samplePermanentResidence,
} from './samples.js';
export { isPlaceholderCode, PLACEHOLDER_CODE_PREFIX, placeholderCode } from './shared/codes.js';
export {
  addressField,
  birthDateField,
  idNumberField,
  localDateField,
  nameField,
  sexField,
} from './shared/fields.js';
export {
  NATIONAL_CODE_PATTERN,
  NATIONAL_CODES,
  type NationalCodeEntry,
  type NationalCodeLevel,
  type NationalCodeName,
  type NationalCodeSource,
} from './shared/national-codes.js';
export {
  DECREE_61_IN_FORCE,
  DECREE_61_LAST_DAY,
  DECREE_118_IN_FORCE,
  legalBasis,
  ONE_STOP_BASIS,
  PERMISSIONS,
  SUPPLEMENTATION,
  type VersionWindow,
  WINDOW_2018,
  WINDOW_2025,
} from './shared/regimes.js';
export { VARIANTS, type Variant, variantOf, variantVersion } from './shared/variants.js';
export {
  type CatalogueProcedure,
  type DefinitionOf,
  defineVersions,
  type ProcedureVersions,
  type VersionEntry,
} from './shared/versions.js';
