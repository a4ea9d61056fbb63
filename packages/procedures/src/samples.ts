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
