import type { ApplicantKind } from '@motcua/core';
import type { CodeTable } from './code-table.js';

/**
 * Applicant kinds as a ministry's portal coded them for a VNPT iGate adapter (one source: the
 * adapter's public integration code): a citizen 0, an enterprise 1, a household business 2. Other
 * kinds have no known code there. Dated data: a newer table goes beside it.
 *
 * @example
 * ```ts
 * import { IGATE_MOHA_APPLICANT_KINDS, tableOn } from '@motcua/connectors';
 * tableOn(IGATE_MOHA_APPLICANT_KINDS, '2026-03-02')?.codes['household-business']; // '2'
 * ```
 */
export const IGATE_MOHA_APPLICANT_KINDS: readonly CodeTable<ApplicantKind>[] = [
  {
    id: 'igate-moha-applicant-kind',
    target: 'igate-moha',
    field: 'applicant type',
    validFrom: null,
    validTo: null,
    source: 'VNPT iGate adapter to a ministry portal (public integration code)',
    confidence: 'S',
    codes: { citizen: '0', enterprise: '1', 'household-business': '2' },
  },
];

/**
 * Applicant kinds as OpenCPS-style systems code them for the portal (one source: OpenCPS's DVCQG
 * integration, VietOpenCPS/opencps-v2): a citizen 1, an organisation (enterprise) 2.
 *
 * @example
 * ```ts
 * import { OPENCPS_APPLICANT_KINDS, tableOn } from '@motcua/connectors';
 * tableOn(OPENCPS_APPLICANT_KINDS, '2026-03-02')?.codes.enterprise; // '2'
 * ```
 */
export const OPENCPS_APPLICANT_KINDS: readonly CodeTable<ApplicantKind>[] = [
  {
    id: 'opencps-applicant-kind',
    target: 'opencps',
    field: 'applicantIdType',
    validFrom: null,
    validTo: null,
    source: 'OpenCPS DVCQG integration (VietOpenCPS/opencps-v2)',
    confidence: 'S',
    codes: { citizen: '1', enterprise: '2' },
  },
];
