/**
 * The setup of the seed centre's what-if: the catalogue procedures in force at the start, the
 * scenario's land procedures, the national calendar and sample data. Each worker thread imports
 * this module and calls `setup` once.
 */
import { vietnamCalendar } from '@motcua/core';
import type { SimulationSetup } from '@motcua/core/simulation';
import { catalogueSampleOn, catalogueSamples, createCatalogue, proceduresInForce } from '@motcua/procedures';
import { LAND_CODES, landProcedures } from './land-procedures.js';

/** The procedures, calendar and samples of a centre whose period starts on `start`. */
export function setup(argument: { start?: string } | undefined): SimulationSetup {
  const start = argument?.start ?? '2019-07-18';
  const calendar = vietnamCalendar();
  const catalogue = proceduresInForce(createCatalogue({ calendar }), start);
  const land = landProcedures(calendar, '2019-01-01');
  const samples: Record<string, SimulationSetup['samples'][string]> = {};
  // Samples dated for each receipt (a child born before its birth is registered in 2019).
  for (const p of catalogue)
    if (catalogueSamples[p.code]) samples[p.code] = (_i, _r, on) => catalogueSampleOn(p.code, on);
  const applicant = Object.values(catalogueSamples)[0]!.applicant;
  for (const code of Object.values(LAND_CODES))
    samples[code] = (i) => ({
      applicant,
      application: { parcel: String(100 + (i % 900)), mapSheet: String(1 + (i % 40)) },
    });
  return { procedures: [...catalogue, ...land], calendar, samples };
}
