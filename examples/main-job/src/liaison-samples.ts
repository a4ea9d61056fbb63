import { localDateOf, parseLocalDate } from '@motcua/core';
import type { BirthLiaisonApplication, DeathLiaisonApplication } from '@motcua/procedures';

/*
 * Invented applicants and applications of the liaisons in the main job: every name, ID number,
 * address and phone number is made up.
 */

/** The local day `days` before `day` (YYYY-MM-DD), so that a sample's events precede its receipt. */
function daysBefore(day: string, days: number): string {
  return localDateOf(parseLocalDate(day) - days);
}

const phoneOf = (index: number) => `0913${String(index % 1_000_000).padStart(6, '0')}`;
const GIVEN = ['Minh Khang', 'Bảo Ngọc', 'Gia Huy', 'Khánh Linh', 'Đức Anh', 'Thảo Vy'];

/**
 * A "3 in 1" birth liaison: a newborn's mother declares the birth; one in five asks for birth +
 * card only. The child was born 20 days before the receipt day.
 */
export function birthLiaisonSample(
  index: number,
  _random?: () => number,
  receivedOn = '2026-08-17',
): {
  applicant: { fullName: string; idNumber: string; phone: string };
  application: BirthLiaisonApplication;
} {
  const mother = { fullName: 'Lê Thị Hoa', idNumber: '051195012345' };
  return {
    applicant: { ...mother, phone: phoneOf(index) },
    application: {
      child: {
        fullName: `Trần ${GIVEN[index % GIVEN.length]}`,
        sex: index % 2 ? 'female' : 'male',
        birthDate: daysBefore(receivedOn, 20),
        birthPlace: 'Bệnh viện Sản – Nhi tỉnh Quảng Ngãi',
        ethnicity: 'Kinh',
      },
      mother,
      father: { fullName: 'Trần Văn Nam', idNumber: '051092054321' },
      birthProof: 'birth-certificate',
      declarantRelation: 'mother',
      ...(index % 5 === 0
        ? {}
        : {
            residence: {
              address: '27 Phan Đình Phùng, phường Cẩm Thành, tỉnh Quảng Ngãi',
              householdHead: 'Trần Văn Nam',
              relationToHead: 'con',
            },
          }),
      healthInsurance: { initialClinic: 'Trạm y tế phường Cẩm Thành' },
    },
  };
}

/**
 * A death liaison: a child of the deceased declares the death, with residence removal and, for
 * most, an allowance. The death was 7 days before the receipt day.
 */
export function deathLiaisonSample(
  index: number,
  _random?: () => number,
  receivedOn = '2026-08-17',
): {
  applicant: { fullName: string; idNumber: string; phone: string };
  application: DeathLiaisonApplication;
} {
  const kinds = ['social-insurance', 'social-protection', 'none', 'social-insurance'] as const;
  const kind = kinds[index % kinds.length]!;
  const beneficiary = 'Phạm Văn Tâm';
  return {
    applicant: { fullName: beneficiary, idNumber: '051070012399', phone: phoneOf(index + 500_000) },
    application: {
      deceased: {
        fullName: 'Phạm Văn Lộc',
        sex: 'male',
        birthDate: '1941-03-12',
        idNumber: '051041012345',
        deathDate: daysBefore(receivedOn, 7),
        deathPlace: '14 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi',
      },
      deathProof: 'death-notice',
      declarantRelation: 'child',
      residence: { address: '14 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi' },
      ...(kind === 'social-insurance'
        ? { allowance: { kind, beneficiary, survivorAllowance: index % 8 === 3 } }
        : kind === 'social-protection'
          ? { allowance: { kind, beneficiary } }
          : {}),
    },
  };
}
