import { type LocalDate, MotcuaError } from '@motcua/core';
import type { BirthRegistrationApplication } from './birth-registration.js';
import { CATALOGUE_CODES } from './catalogue.js';
import type { ChildHealthInsuranceApplication } from './child-health-insurance.js';
import type { CopyCertificationApplication } from './copy-certification.js';
import type { EnterpriseRegistrationApplication } from './enterprise-registration.js';
import type { JudicialRecordApplication } from './judicial-record.js';
import type { LandMortgageApplication } from './land-mortgage-registration.js';
import type { MarriageRegistrationApplication } from './marriage-registration.js';
import type { PermanentResidenceApplication } from './permanent-residence.js';

/**
 * Made-up applicants and applications for tests, demos and simulations: every name, ID number and
 * address is invented. One per catalogue procedure, valid against its schema.
 */
export interface SampleDossier<A> {
  readonly applicant: {
    readonly fullName: string;
    readonly idNumber?: string;
    readonly phone?: string;
    readonly address?: string;
  };
  readonly application: A;
}

const applicant = { fullName: 'Phạm Thị Dung', idNumber: '001190012345', phone: '0912345678' };

/** A sample birth registration. */
export const sampleBirthRegistration: SampleDossier<BirthRegistrationApplication> = {
  applicant,
  application: {
    child: {
      fullName: 'Nguyễn Minh Khang',
      sex: 'male',
      birthDate: '2026-02-02',
      birthPlace: 'Bệnh viện Phụ sản Hà Nội',
      ethnicity: 'Kinh',
    },
    mother: { fullName: 'Phạm Thị Dung', idNumber: '001190012345' },
    father: { fullName: 'Nguyễn Văn Em', idNumber: '001088054321' },
    birthProof: 'birth-certificate',
    declarantRelation: 'mother',
  },
};

/** A sample permanent residence registration. */
export const samplePermanentResidence: SampleDossier<PermanentResidenceApplication> = {
  applicant,
  application: {
    address: '12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội',
    ground: 'family-member',
    householdHead: { fullName: 'Nguyễn Văn Em', idNumber: '001088054321' },
    members: [{ fullName: 'Phạm Thị Dung', idNumber: '001190012345', relationToHead: 'vợ' }],
  },
};

/** A sample health-insurance card for a child under 6. */
export const sampleChildHealthInsurance: SampleDossier<ChildHealthInsuranceApplication> = {
  applicant,
  application: {
    child: { fullName: 'Nguyễn Minh Khang', sex: 'male', birthDate: '2026-02-02', idNumber: '001226000123' },
    guardian: { fullName: 'Phạm Thị Dung', idNumber: '001190012345', relation: 'mother' },
    residence: '12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội',
    primaryCareFacility: 'Trạm y tế phường Cửa Nam',
  },
};

/** A sample marriage registration. */
export const sampleMarriageRegistration: SampleDossier<MarriageRegistrationApplication> = {
  applicant: { fullName: 'Trần Thị Hoa', idNumber: '001195011111', phone: '0987654321' },
  application: {
    partyA: {
      fullName: 'Trần Thị Hoa',
      birthDate: '1995-04-12',
      idNumber: '001195011111',
      residence: '5 Hàng Bài, phường Hoàn Kiếm, Hà Nội',
    },
    partyB: {
      fullName: 'Lê Văn Giang',
      birthDate: '1993-09-30',
      idNumber: '001093022222',
      residence: '40 Kim Mã, phường Giảng Võ, Hà Nội',
    },
  },
};

/** A sample copy certification. */
export const sampleCopyCertification: SampleDossier<CopyCertificationApplication> = {
  applicant,
  application: {
    papers: [
      { title: 'Bằng tốt nghiệp đại học', issuedBy: 'Trường Đại học Bách khoa Hà Nội', pages: 1, copies: 3 },
      { title: 'Giấy khai sinh', pages: 1, copies: 2 },
    ],
  },
};

/** A sample mortgage registration. */
export const sampleLandMortgage: SampleDossier<LandMortgageApplication> = {
  applicant: { fullName: 'Hoàng Văn Hải', idNumber: '038080033333', phone: '0903123456' },
  application: {
    mortgagors: [{ fullName: 'Hoàng Văn Hải', idNumber: '038080033333' }],
    mortgagee: { name: 'Ngân hàng thương mại cổ phần Ví Dụ', branch: 'Chi nhánh Thanh Hóa' },
    parcels: [
      {
        certificateSerial: 'CX 123456',
        parcelNumber: '215',
        mapSheet: '12',
        location: 'Thôn Đông, xã Quảng Phú, tỉnh Thanh Hóa',
      },
    ],
    contract: { number: 'HĐTC-2026/0815', signedOn: '2026-02-10' },
  },
};

/** A sample new enterprise registration. */
export const sampleEnterpriseRegistration: SampleDossier<EnterpriseRegistrationApplication> = {
  applicant: { fullName: 'Vũ Thị Lan', idNumber: '001185044444', phone: '0935111222' },
  application: {
    enterpriseName: 'Công ty TNHH Thương mại Ví Dụ',
    type: 'single-member-llc',
    charterCapitalVnd: 500_000_000,
    headOffice: '88 Trần Phú, phường Ba Đình, Hà Nội',
    businessLines: [{ code: '4649', name: 'Bán buôn đồ dùng khác cho gia đình' }],
    legalRepresentative: { fullName: 'Vũ Thị Lan', idNumber: '001185044444' },
    owners: [{ name: 'Vũ Thị Lan', idNumber: '001185044444', contributionVnd: 500_000_000 }],
  },
};

/** A sample judicial record certificate request (standard case: one residence). */
export const sampleJudicialRecord: SampleDossier<JudicialRecordApplication> = {
  applicant: { fullName: 'Đỗ Văn Nam', idNumber: '001092055555', phone: '0977333444' },
  application: {
    subject: {
      fullName: 'Đỗ Văn Nam',
      sex: 'male',
      birthDate: '1992-06-15',
      birthPlace: 'Xã Đông Anh, Hà Nội',
      idNumber: '001092055555',
    },
    residences: [{ address: '15 Nguyễn Trãi, phường Thanh Xuân, Hà Nội', from: '2010-01-01' }],
    certificateForm: 'form-1',
    copies: 2,
    purpose: 'Bổ sung hồ sơ xin việc',
  },
};

/** One sample per catalogue procedure code. */
export const catalogueSamples: Readonly<Record<string, SampleDossier<unknown>>> = {
  [CATALOGUE_CODES.birthRegistration]: sampleBirthRegistration,
  [CATALOGUE_CODES.permanentResidence]: samplePermanentResidence,
  [CATALOGUE_CODES.childHealthInsurance]: sampleChildHealthInsurance,
  [CATALOGUE_CODES.marriageRegistration]: sampleMarriageRegistration,
  [CATALOGUE_CODES.copyCertification]: sampleCopyCertification,
  [CATALOGUE_CODES.landMortgageRegistration]: sampleLandMortgage,
  [CATALOGUE_CODES.enterpriseRegistration]: sampleEnterpriseRegistration,
  [CATALOGUE_CODES.judicialRecord]: sampleJudicialRecord,
};

/** The receipt date the samples' dates were written for: every date in them is on or before it. */
const SAMPLES_WRITTEN_FOR: LocalDate = '2026-03-02';
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Every `'YYYY-MM-DD'` text in `value` moved by `days` (a copy: the samples are not changed). */
function shiftDates(value: unknown, days: number): unknown {
  if (typeof value === 'string') {
    const m = DATE.exec(value);
    if (!m) return value;
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + days * DAY_MS;
    return new Date(ms).toISOString().slice(0, 10);
  }
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, days));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, days)]));
  return value;
}

/**
 * The sample of a catalogue procedure for a dossier received on `receivedOn`: the sample of
 * {@link catalogueSamples} with every date moved by the same number of days, so that they keep
 * their order and their distance to the receipt (the child born four weeks before its birth is
 * registered, the mortgage contract signed three weeks before, each adult's age the same). The
 * static samples are dated for a receipt on 02/03/2026: received years earlier (a 2018.1 version),
 * their dates would come after the receipt and the desk would refuse them.
 * @throws `INVALID_OPTION` naming `code` for a code outside the catalogue, or `receivedOn` for a
 * text that is not a `'YYYY-MM-DD'` date.
 *
 * @example
 * ```ts
 * import { vietnamCalendar } from '@motcua/core';
 * import { simulate } from '@motcua/core/simulation';
 * import { CATALOGUE_CODES, catalogueSampleOn, catalogueVersions } from '@motcua/procedures';
 * const calendar = vietnamCalendar();
 * const procedures = catalogueVersions(calendar); // each dossier gets the version in force at receipt
 * const result = await simulate({
 *   procedures, calendar, start: '2019-03-04', days: 20, seed: 1, arrivals: { perWorkingDay: 30 },
 *   samples: Object.fromEntries(
 *     procedures.map((p) => [p.code, (_i: number, _r: () => number, on: string) => catalogueSampleOn(p.code, on)]),
 *   ),
 * });
 * catalogueSampleOn(CATALOGUE_CODES.birthRegistration, '2019-03-04').application; // child born 2019-02-04
 * ```
 */
export function catalogueSampleOn(code: string, receivedOn: LocalDate): SampleDossier<unknown> {
  const sample = catalogueSamples[code];
  if (!sample)
    throw new MotcuaError('INVALID_OPTION', 'no catalogue sample for that code', { field: 'code' });
  const m = DATE.exec(receivedOn);
  const on = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(on) || new Date(on).toISOString().slice(0, 10) !== receivedOn)
    throw new MotcuaError('INVALID_OPTION', 'receivedOn must be a date YYYY-MM-DD', { field: 'receivedOn' });
  const days = Math.round((on - Date.parse(`${SAMPLES_WRITTEN_FOR}T00:00:00Z`)) / DAY_MS);
  return shiftDates(sample, days) as SampleDossier<unknown>;
}
