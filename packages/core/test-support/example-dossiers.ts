/**
 * Fictional dossiers for the form tests and the example renderings (render-examples.ts). Not part
 * of the public API. Every name, number and address here is invented.
 */

import type { OfficeInfoInput } from '../src/forms/office-info.js';
import type { ActorInput } from '../src/model/actor.js';
import type { Regime } from '../src/model/channel.js';
import { type DossierSnapshot, defineProcedure, type Procedure } from '../src/procedure/define-procedure.js';
import type { ProcedureDefinitionInput } from '../src/procedure/definition-schema.js';
import { sampleResidenceDefinition } from '../src/testing/sample-procedure.js';

/** The office printing the example forms. */
export const exampleOffice: OfficeInfoInput = {
  governingBody: 'UBND tỉnh Nghệ An',
  agencyName: 'UBND xã Hưng Nguyên',
  deskName: 'Trung tâm Phục vụ hành chính công xã',
  placeName: 'Hưng Nguyên',
  address: 'Số 1 đường Lê Hồng Phong, xã Hưng Nguyên, tỉnh Nghệ An',
  phone: '0238 3821 000',
  registerBook: 'Sổ theo dõi hồ sơ',
  registerVolume: '01/2026',
  headTitle: 'CHỦ TỊCH',
};

/** The competent agency of the sample procedure, which signs the apology (Form 04). */
export const exampleAgency = { parent: 'Công an tỉnh Nghệ An', name: 'Công an xã Hưng Nguyên' };

/** The sample residence procedure under a regime (2018: a copy with the 2018 version and dates). */
export function exampleDefinition(regime: Regime): ProcedureDefinitionInput {
  return regime === '2025'
    ? sampleResidenceDefinition
    : { ...sampleResidenceDefinition, regime: '2018', version: '2018.1', effectiveFrom: '2018-06-21' };
}

/** The sample procedure, built. */
export function exampleProcedure(regime: Regime): Procedure {
  return defineProcedure(exampleDefinition(regime));
}

/** Desk officer, specialist and head of the police station. */
export const officers = {
  desk: { officerId: 'cb-01', unitId: 'desk', name: 'Phan Thị Hồng' },
  police: { officerId: 'cb-07', unitId: 'police', name: 'Lê Văn Dũng' },
  leader: { officerId: 'cb-02', unitId: 'leader', name: 'Hoàng Minh Tuấn', roles: ['agency-head'] },
} satisfies Record<string, ActorInput>;

/** The example applicant (with a representative who files for her). */
export const exampleApplicant = {
  fullName: 'Nguyễn Thị Lan',
  idNumber: '040190012345',
  phone: '0912345678',
  email: 'lan.nguyen@example.vn',
  address: 'Xóm 3, xã Hưng Nguyên, tỉnh Nghệ An',
  representative: {
    fullName: 'Trần Văn Bình',
    idNumber: '040088009876',
    authorisation: { document: 'Giấy ủy quyền số 05/2026/GUQ', date: '2026-02-10' },
  },
};

/** Receives the example dossier at 10:05 on Thursday 12/02/2026 (Asia/Ho_Chi_Minh). */
export function receiveExample(procedure: Procedure, applicant: unknown = exampleApplicant): DossierSnapshot {
  return procedure.receive({
    code: '000.00.14.H40-260212-0007',
    secret: 'K7Q2M9',
    agency: '000.00.14.H40',
    receivedAt: '2026-02-12T10:05:00+07:00',
    receivedBy: officers.desk,
    channel: 'in-person',
    applicant,
    application: {
      address: 'Xóm 3, xã Hưng Nguyên, tỉnh Nghệ An',
      householdHead: 'Nguyễn Văn Hải',
      members: 4,
    },
  });
}

/** Snapshots of the example dossier along its full lifecycle. */
export interface ExampleLifecycle {
  readonly procedure: Procedure;
  readonly received: DossierSnapshot;
  /** Components recorded at the desk: the declaration on paper (digitised), a lookup that found nothing. */
  readonly recorded: DossierSnapshot;
  readonly supplementRequested: DossierSnapshot;
  readonly supplemented: DossierSnapshot;
  readonly apologized: DossierSnapshot;
  readonly returned: DossierSnapshot;
}

/**
 * Receipt, the components recorded at the desk (the declaration on paper, digitised; the proof of
 * residence looked up in the land database, which found nothing), handover, a supplementation
 * request by the police officer (13/02), the complete dossier back after Tết (24/02; the clock
 * restarts, the proof of residence recorded on paper), an apology by the head (27/02, new date
 * 10/03 16:00), a late approval (the result document issued 05/03), processing finished on 09/03
 * 09:00 and the result returned an hour later (late against the legal due time 05/03 17:00).
 */
export function exampleLifecycle(regime: Regime): ExampleLifecycle {
  const p = exampleProcedure(regime);
  const received = receiveExample(p);
  const [declaration, proof] = p.definition.documents.map((d) => d.id);
  const recorded = p.apply(received, {
    type: 'RECORD_COMPONENTS',
    at: '2026-02-12T10:20:00+07:00',
    actor: officers.desk,
    components: [
      {
        documentId: declaration as string,
        source: 'paper',
        digitised: true,
        file: { uri: 'kho://000.00.14.H40-260212-0007/ct01.pdf', sha256: 'ab'.repeat(32) },
      },
      {
        documentId: proof as string,
        source: 'database',
        database: { code: 'CSDLDD', name: 'Cơ sở dữ liệu đất đai', answer: 'not-found' },
      },
    ],
  });
  let s = p.apply(recorded, {
    type: 'HAND_OVER',
    at: '2026-02-12T11:00:00+07:00',
    actor: officers.desk,
    receiver: { officerId: officers.police.officerId, name: officers.police.name },
  });
  const supplementRequested = p.apply(s, {
    type: 'REQUEST_SUPPLEMENT',
    at: '2026-02-13T09:00:00+07:00',
    actor: officers.police,
    items: [
      { name: 'Giấy tờ chứng minh chỗ ở hợp pháp', note: 'bản sao có chứng thực' },
      { name: 'Văn bản đồng ý cho đăng ký thường trú của chủ hộ' },
    ],
    reason: 'Giấy tờ chỗ ở nộp kèm là bản photo không chứng thực; thiếu ý kiến đồng ý của chủ hộ.',
  });
  const supplemented = p.apply(supplementRequested, {
    type: 'SUPPLEMENT_RECEIVED',
    at: '2026-02-24T09:00:00+07:00',
    actor: officers.desk,
  });
  s = p.apply(supplemented, {
    type: 'RECORD_COMPONENTS',
    at: '2026-02-24T09:10:00+07:00',
    actor: officers.desk,
    components: [{ documentId: proof as string, source: 'paper', digitised: true }],
  });
  s = p.apply(s, {
    type: 'HAND_OVER',
    at: '2026-02-26T09:00:00+07:00',
    actor: officers.police,
    receiver: { officerId: officers.leader.officerId, name: officers.leader.name },
  });
  const apologized = p.apply(s, {
    type: 'APOLOGIZE',
    at: '2026-02-27T09:00:00+07:00',
    actor: officers.leader,
    reason: 'Cần xác minh thêm thông tin về chỗ ở hợp pháp với cơ quan đăng ký đất đai.',
    newDue: '2026-03-10T16:00:00+07:00',
  });
  s = p.apply(apologized, {
    type: 'ISSUE_RESULT',
    at: '2026-03-05T08:30:00+07:00',
    actor: officers.leader,
    documents: [
      {
        title: 'Thông báo kết quả đăng ký thường trú',
        number: '125',
        symbol: 'TB-CAX',
        signer: { name: 'Hoàng Minh Tuấn', title: 'Trưởng Công an xã' },
        issuingBody: 'Công an xã Hưng Nguyên',
        issuedOn: '2026-03-05',
        validUntil: null,
      },
    ],
  });
  s = p.apply(s, {
    type: 'HAND_OVER',
    at: '2026-03-05T09:00:00+07:00',
    actor: officers.leader,
    receiver: { officerId: officers.police.officerId, name: officers.police.name },
  });
  s = p.apply(s, {
    type: 'HAND_OVER',
    at: '2026-03-09T09:00:00+07:00',
    actor: officers.police,
    receiver: { officerId: officers.desk.officerId, name: officers.desk.name },
    note: 'Đã cập nhật CSDL cư trú',
  });
  const returned = p.apply(s, {
    type: 'RETURN_RESULT',
    at: '2026-03-09T10:00:00+07:00',
    actor: officers.desk,
    delivery: 'in-person',
  });
  return { procedure: p, received, recorded, supplementRequested, supplemented, apologized, returned };
}

/** The example dossier refused by the police officer after appraisal (13/02). */
export function exampleRefused(regime: Regime): { procedure: Procedure; refused: DossierSnapshot } {
  const p = exampleProcedure(regime);
  let s = receiveExample(p);
  s = p.apply(s, { type: 'HAND_OVER', at: '2026-02-12T11:00:00+07:00', actor: officers.desk });
  const refused = p.apply(s, {
    type: 'REFUSE',
    at: '2026-02-13T15:30:00+07:00',
    actor: officers.police,
    reasons: [
      'Chỗ ở đề nghị đăng ký thuộc địa điểm không được đăng ký thường trú mới (Luật Cư trú, điều 23).',
      'Diện tích nhà ở bình quân dưới mức tối thiểu do HĐND tỉnh quy định.',
    ],
  });
  return { procedure: p, refused };
}

/** A 2025 example dossier stopped at the applicant's request (13/02). */
export function exampleStopped(): { procedure: Procedure; stopped: DossierSnapshot } {
  const p = exampleProcedure('2025');
  let s = receiveExample(p);
  s = p.apply(s, { type: 'HAND_OVER', at: '2026-02-12T11:00:00+07:00', actor: officers.desk });
  const stopped = p.apply(s, {
    type: 'STOP',
    at: '2026-02-13T08:30:00+07:00',
    actor: officers.desk,
    reason: 'Gia đình chuyển nơi ở, không còn nhu cầu đăng ký thường trú tại địa chỉ này.',
  });
  return { procedure: p, stopped };
}
