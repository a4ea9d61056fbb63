import type { ActorInput } from '@motcua/core';
import type { MaritalStatusApplication } from './marital-status-certification.js';

/*
 * Made-up officers and a made-up applicant for the tests: every name, ID number and address is
 * invented.
 */

/** One officer per unit of the procedure; the chairman carries `agency-head` (signs Form 04). */
export const officers: Readonly<Record<'desk' | 'justice' | 'leader' | 'clerk', ActorInput>> = {
  desk: { officerId: 'desk-1', unitId: 'desk', name: 'Nguyễn Thị Mai', roles: [] },
  justice: { officerId: 'justice-1', unitId: 'justice', name: 'Trần Văn Hùng', roles: [] },
  leader: { officerId: 'leader-1', unitId: 'leader', name: 'Lê Văn Quang', roles: ['agency-head'] },
  clerk: { officerId: 'clerk-1', unitId: 'clerk', name: 'Phạm Thu Hà', roles: [] },
};

/** The applicant as Form 01 names them. */
export const applicant = {
  fullName: 'Đặng Thị Thu',
  idNumber: '001195067890',
  phone: '0912000111',
};

/** A certificate asked for to marry. */
export const application: MaritalStatusApplication = {
  requester: {
    fullName: 'Đặng Thị Thu',
    birthDate: '1995-03-08',
    idNumber: '001195067890',
    residence: '21 Hàng Gai, phường Hoàn Kiếm, Hà Nội',
  },
  status: 'never-married',
  purpose: 'marriage',
  intendedSpouse: { fullName: 'Ngô Minh Tuấn', birthDate: '1993-11-20' },
};
