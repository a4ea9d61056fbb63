import { z } from 'zod';
import { personal } from '../model/personal-data.js';
import type { ProcedureDefinitionInput } from '../procedure/definition-schema.js';

/**
 * A small but complete procedure definition for tests and examples: permanent residence
 * registration (đăng ký thường trú), 7 working days (Luật Cư trú 2020 art. 22(3)), four steps.
 */
export const sampleResidenceDefinition: ProcedureDefinitionInput = {
  code: '1.004194',
  version: '2025.1',
  effectiveFrom: '2025-07-01',
  regime: '2025',
  name: { vi: 'Đăng ký thường trú', en: 'Permanent residence registration' },
  legalBasis: ['Luật Cư trú 68/2020/QH14, điều 22'],
  agency: 'Công an xã',
  timeLimit: { workingDays: 7 },
  channels: ['in-person', 'online-full', 'postal'],
  // Online filings: the desk accepts or refuses within 8 working hours; the applicant completes a
  // filing within 5 working days of a request (the centre's choice, no legal default).
  intake: { deadline: { 'online-full': { workingHours: 8 } }, responseLimit: { workingDays: 5 } },
  application: z
    .object({
      address: personal(z.string().min(5), 'address'),
      householdHead: personal(z.string().min(2), 'name'),
      members: z.number().int().positive(),
    })
    .strict(),
  documents: [
    { id: 'ct01', name: 'Tờ khai thay đổi thông tin cư trú (CT01)', originals: 1 },
    { id: 'ownership', name: 'Giấy tờ chứng minh chỗ ở hợp pháp', copies: 1 },
  ],
  fees: [
    { id: 'fee', name: 'Lệ phí đăng ký cư trú', kind: 'charge', amountVnd: 20000, collection: 'at-intake' },
  ],
  units: {
    desk: { name: 'Bộ phận một cửa' },
    police: { name: 'Cán bộ đăng ký cư trú' },
    leader: { name: 'Lãnh đạo Công an xã' },
  },
  steps: [
    {
      id: 'receive',
      name: 'Tiếp nhận, chuyển hồ sơ',
      unit: 'desk',
      budget: { workingHours: 4 },
      kind: 'transfer',
    },
    { id: 'appraise', name: 'Thẩm định', unit: 'police', budget: { workingDays: 4 }, kind: 'appraisal' },
    {
      id: 'approve',
      name: 'Phê duyệt',
      unit: 'leader',
      budget: { workingDays: 1 },
      kind: 'approval',
      issuesDecision: true,
    },
    {
      id: 'update',
      name: 'Cập nhật CSDL cư trú',
      unit: 'police',
      budget: { workingDays: 1 },
      kind: 'signing',
    },
  ],
  supplementation: { clock: 'restart', maxRequests: 1 },
  permissions: { APOLOGIZE: ['agency-head'] },
};
