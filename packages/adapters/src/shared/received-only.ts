import { INTAKE_STATES } from '@motcua/core';

/**
 * SQL condition: the dossier was received — online filings still in intake or never accepted
 * (core's `INTAKE_STATES`) are left out, as core's `aggregateReport`, `countStatistics` and the
 * national index's counts do.
 */
export const RECEIVED_ONLY = `state NOT IN (${INTAKE_STATES.map((st) => `'${st.replace(/'/g, "''")}'`).join(', ')})`;
