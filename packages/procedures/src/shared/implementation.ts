import type { AdministrativeLevel, ProcedureImplementation } from '@motcua/core';
import type { NationalCodeEntry, NationalCodeLevel } from './national-codes.js';
import { DECREE_118_IN_FORCE, type VersionWindow } from './regimes.js';

const LEVELS: Record<NationalCodeLevel, AdministrativeLevel[]> = {
  commune: ['commune'],
  province: ['province'],
  'province-and-commune': ['province', 'commune'],
};

/**
 * The implementation facts a version can declare from its confirmed national record: the level(s)
 * of local government (cấp thực hiện) the record gives, for versions of the two-tier period the
 * records were read in (from 01/07/2025). Nothing else is declared: whether the procedure is
 * under one-stop and which internal process a province approved are local decisions no source
 * gives for the catalogue, so Biểu II.07b lists them as not declared. Versions before 01/07/2025
 * declare nothing (the records' levels then were not checked).
 */
export function nationalImplementation(
  entry: NationalCodeEntry,
  window: VersionWindow,
): { implementation?: ProcedureImplementation } {
  if (window.effectiveFrom < DECREE_118_IN_FORCE) return {};
  return {
    implementation: {
      levels: LEVELS[entry.level],
      source: `National Public Service Portal record of ${entry.code} (${entry.sources.map((s) => s.address).join('; ')})`,
    },
  };
}
