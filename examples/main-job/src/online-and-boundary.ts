/**
 * The main job's online filings and a dossier received regardless of administrative boundary:
 * filings submitted on the national portal (code at once, national status 1) that the desk
 * accepts, asks to complete, or refuses; and one dossier received at a commune centre for an
 * agency of another, its paper original sent, received and returned between the two.
 */
import {
  defineProcedure,
  type Engine,
  type Procedure,
  type ProcedureDefinition,
  type ReceptionOptions,
  type Timeliness,
  type WorkingCalendar,
} from '@motcua/core';

/** How the paper original of a cross-boundary dossier moved. */
export type OriginalsStage = 'sent' | 'received' | 'returned';

/**
 * `procedure` with a sample charge: 20,000 đồng, 10,000 for a dossier filed fully online, collected
 * at intake. Sample data for the demo, not a legal figure (the law sets the amounts per province).
 */
export function withSampleFees(procedure: Procedure, calendar: WorkingCalendar): Procedure {
  return defineProcedure(
    {
      ...procedure.definition,
      fees: [
        {
          id: 'le-phi',
          name: 'Lệ phí (dữ liệu mẫu)',
          kind: 'charge',
          amountVnd: 20_000,
          amountByChannel: { 'online-full': 10_000 },
          collection: 'at-intake',
          source: 'Dữ liệu mẫu của bản demo, không phải mức thu theo quy định',
        },
      ],
    },
    { calendar },
  );
}

/**
 * The centres of the simulated province and its list of procedures open to reception regardless of
 * administrative boundary. Sample data: the names are of the main job's centre, the decision is
 * an illustration, not a real one.
 */
export function sampleReception(procedureCode: string, from: string): ReceptionOptions {
  return {
    topology: {
      province: 'Quảng Ngãi',
      centres: [
        { id: 'tinh', name: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ngãi', kind: 'provincial-centre' },
        {
          id: 'cam-thanh',
          name: 'Trung tâm Phục vụ hành chính công phường Cẩm Thành',
          kind: 'commune-centre',
        },
        { id: 'nghia-lo', name: 'Trung tâm Phục vụ hành chính công phường Nghĩa Lộ', kind: 'commune-centre' },
        {
          id: 'nghia-lo-2',
          name: 'Điểm tiếp nhận số 2 phường Nghĩa Lộ',
          kind: 'reception-point',
          parent: 'nghia-lo',
        },
      ],
    },
    boundaryFree: [
      {
        province: 'Quảng Ngãi',
        source: { document: 'Quyết định minh họa số 01/QĐ-UBND (dữ liệu mẫu)', issuedOn: from },
        effectiveFrom: from,
        transferBudget: { workingDays: 1 },
        procedures: [{ procedure: procedureCode }],
      },
    ],
  };
}

/** What the report shows of them. */
export interface OnlineAndBoundary {
  /** Each filing: its code, the national status codes it went through, and what it paid (if it did). */
  readonly filings: readonly { code: string; statuses: readonly number[]; paidVnd?: number }[];
  /** The cross-boundary dossier: its code, centres and the original's moves. */
  readonly crossBoundary: {
    readonly code: string;
    readonly receiving: string;
    readonly competent: string;
    readonly moves: readonly OriginalsStage[];
    /** Early / on time / late of the original's arrival, `null` without a transfer budget. */
    readonly arrival: Timeliness | null;
  };
}

/**
 * Submits three online filings of `procedure` (accepted; completed on request then accepted; refused
 * at intake) and receives one dossier across the boundary. Each officer is the desk.
 */
export async function onlineAndBoundary(
  engine: Engine,
  procedure: { readonly code: string; readonly definition: ProcedureDefinition },
  sample: { readonly applicant: Record<string, unknown>; readonly application: unknown },
): Promise<OnlineAndBoundary> {
  const desk = { officerId: `${procedure.definition.desk}-1`, unitId: procedure.definition.desk };
  const portal = {
    officerId: 'dvcqg',
    unitId: procedure.definition.desk,
    name: 'Cổng Dịch vụ công quốc gia',
  };
  const status = (v: { readonly nationalStatus: { code: number } | null }) => v.nationalStatus?.code ?? 0;
  const filings: { code: string; statuses: number[]; paidVnd?: number }[] = [];
  for (const [i, path] of (['accept', 'complete', 'refuse'] as const).entries()) {
    const id = `G55-${String(i + 1).padStart(6, '0')}`;
    const filed = await engine.submit({
      procedure: procedure.code,
      channel: 'online-full',
      actor: portal,
      applicant: { ...sample.applicant, vneidVerified: true },
      application: sample.application,
      filing: { system: 'dvcqg', id },
      idempotencyKey: `dvcqg:${id}`,
      // The first filing came in three hours ago.
      ...(path === 'accept' ? { at: new Date(engine.clock.now().getTime() - 3 * 3_600_000) } : {}),
    });
    const statuses = [status(filed)];
    if (path === 'complete') {
      const asked = await engine.send(filed.code, {
        type: 'REQUEST_SUPPLEMENT',
        actor: desk,
        items: [{ name: 'Bản chụp giấy tờ còn thiếu' }],
        reason: 'Hồ sơ trực tuyến chưa đủ thành phần',
      });
      statuses.push(status(asked));
      statuses.push(status(await engine.send(filed.code, { type: 'SUPPLEMENT_RECEIVED', actor: portal })));
    }
    if (path === 'refuse') {
      const refused = await engine.send(filed.code, {
        type: 'REFUSE',
        actor: desk,
        reasons: ['Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan'],
      });
      statuses.push(status(refused));
      filings.push({ code: filed.code, statuses });
      continue;
    }
    // The first filing's receipt is recorded two hours after the desk accepted it (a late entry).
    const acceptedAt = new Date(engine.clock.now().getTime() - (path === 'accept' ? 2 * 3_600_000 : 0));
    statuses.push(status(await engine.send(filed.code, { type: 'ACCEPT', actor: desk, at: acceptedAt })));
    // The charge paid on the national portal, its e-receipt recorded, with the papers digitised.
    let paidVnd: number | undefined;
    if (procedure.definition.fees.some((f) => f.collection === 'at-intake')) {
      const view = await engine.send(filed.code, {
        type: 'RECORD_PAYMENT',
        actor: desk,
        items: procedure.definition.fees
          .filter((f) => f.collection === 'at-intake')
          .map((f) => ({ feeId: f.id })),
        channel: 'national-portal',
        transactionCode: `PAY-${id}`,
        receipt: {
          form: '01BLP0-001',
          series: 'QN-26E',
          number: String(i + 1).padStart(7, '0'),
          issuer: 'vnpt',
        },
      });
      const p = view.context.payments?.[0];
      if (p) paidVnd = p.totalVnd;
    }
    const first = procedure.definition.documents[0];
    if (first) {
      await engine.send(filed.code, {
        type: 'RECORD_COMPONENTS',
        actor: desk,
        components: [
          {
            documentId: first.id,
            source: 'paper',
            digitised: true,
            file: { uri: `kho://${filed.code}/${first.id}.pdf`, sha256: 'ef'.repeat(32) },
          },
        ],
      });
    }
    filings.push({ code: filed.code, statuses, ...(paidVnd !== undefined ? { paidVnd } : {}) });
  }
  const d = await engine.receive({
    procedure: procedure.code,
    channel: 'in-person',
    actor: desk,
    applicant: sample.applicant,
    application: sample.application,
    reception: { receivingCentre: 'cam-thanh', competentCentre: 'nghia-lo' },
  });
  const moves: OriginalsStage[] = [];
  for (const stage of ['sent', 'received', 'returned'] as const) {
    await engine.send(d.code, { type: 'TRANSFER_ORIGINALS', stage, actor: desk });
    moves.push(stage);
  }
  const rec = await engine.get(d.code);
  const r = rec.context.reception!;
  return {
    filings,
    crossBoundary: {
      code: d.code,
      receiving: r.receivingCentre.name,
      competent: r.competentCentre.name,
      moves,
      arrival: r.originals?.result ?? null,
    },
  };
}
