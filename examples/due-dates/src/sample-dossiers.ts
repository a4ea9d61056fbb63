import type { TimeLimit } from '@motcua/core';

/** A sample dossier: what was asked, when it was received, and the procedure's legal time limit. */
export interface SampleDossier {
  readonly procedure: string;
  readonly receivedAt: Date;
  readonly limit: TimeLimit;
  readonly basis: string;
}

/** Dossiers received around the days that make Vietnamese deadlines tricky (brief §6–§7). */
export const SAMPLE_DOSSIERS: readonly SampleDossier[] = [
  {
    procedure: 'Đăng ký khai sinh (birth registration)',
    receivedAt: new Date('2026-02-13T15:20:00+07:00'),
    limit: { sameDay: true },
    basis: 'Luật Hộ tịch 60/2014 arts. 16(2), 5(3): same day, next working day after 15:00',
  },
  {
    procedure: 'Thành lập doanh nghiệp (new enterprise)',
    receivedAt: new Date('2026-02-12T09:00:00+07:00'),
    limit: { workingDays: 3 },
    basis: 'Luật Doanh nghiệp 2020; Nghị định 168/2025: 3 working days',
  },
  {
    procedure: 'Đăng ký thường trú (permanent residence)',
    receivedAt: new Date('2026-08-27T14:00:00+07:00'),
    limit: { workingDays: 7 },
    basis: 'Luật Cư trú 2020 art. 22(3): 7 working days',
  },
  {
    procedure: 'Liên thông khai sinh – thường trú – BHYT (electronic, 3 in 1)',
    receivedAt: new Date('2026-11-23T16:10:00+07:00'),
    limit: { workingDays: 3, cutoff: '15:00' },
    basis: 'Nghị định 63/2024 art. 7: ≤ 3 working days, after 15:00 from the next working day',
  },
  {
    procedure: 'Cấp thẻ BHYT trẻ em dưới 6 tuổi (liaison step)',
    receivedAt: new Date('2026-04-24T10:30:00+07:00'),
    limit: { workingDays: 2, counting: 'elapsed' },
    basis: 'Nghị định 63/2024 art. 8(3): ≤ 2 working days (counted as 16 working hours)',
  },
  {
    procedure: 'Chứng thực bản sao (copy certification)',
    receivedAt: new Date('2026-01-09T16:00:00+07:00'),
    limit: { sameDay: true },
    basis: 'Nghị định 23/2015: same day, next working day after 15:00',
  },
  {
    procedure: 'Phiếu lý lịch tư pháp (judicial record)',
    receivedAt: new Date('2025-12-30T08:00:00+07:00'),
    limit: { workingDays: 10 },
    basis: 'Luật Lý lịch tư pháp 28/2009 art. 48: 10 days (read as working days)',
  },
];
