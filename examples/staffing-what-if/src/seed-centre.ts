/**
 * The seed centre: the scenario file, the figures its first three months reported, and the
 * tolerance the calibrated scenario must reproduce them within.
 */
import { readFileSync } from 'node:fs';
import { parseStaffingScenario, type StaffingScenario } from '@motcua/core/simulation';
import { LAND_CODES } from './land-procedures.js';

/** The scenario file of the seed centre. */
export const SEED_CENTRE_FILE = new URL('./seed-centre.json', import.meta.url);

/** Reads and checks a scenario file. */
export function readScenario(file: string | URL = SEED_CENTRE_FILE): StaffingScenario {
  return parseStaffingScenario(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * What the centre reported over 18/7–18/10/2019 (the seed article): dossiers received, resolved,
 * the share of the resolved returned early, and those in progress within time at the end.
 */
export const REPORTED = {
  received: 5622,
  resolved: 4301,
  earlyPercent: 55.7,
  inProgressWithinTime: 1261,
} as const;

/** The calibration tolerance: counts within 5 %, the early share within 3 percentage points (means over the seeds). */
export const TOLERANCE = { countShare: 0.05, earlyPoints: 3 } as const;

/** The desk field and processing unit of the land dossiers, and the land procedures. */
export const LAND = {
  field: 'dat-dai',
  unit: 'van-phong-dang-ky-dat-dai',
  codes: Object.values(LAND_CODES),
} as const;
