import { ProcedureRegistry } from '@motcua/core';
import { CATALOGUE_CODES, permanentResidence } from '@motcua/procedures';
const registry = new ProcedureRegistry(permanentResidence.versions);
const residence = registry.inForce(CATALOGUE_CODES.permanentResidence, '2026-03-02');
console.log('ProcedureRegistry:', JSON.stringify(console.log(residence.version)), '//', "the version in force that day (Decree 118/2025 rules)");

export {};
