/**
 * A procedure of the main job imported from a province's approved internal process table (quy
 * trình nội bộ), with its two phases: the second starts once the charge is paid. Sample data: the
 * table, the decision and the charge illustrate the format; they are not a province's real ones.
 */
import { readFileSync } from 'node:fs';
import {
  defineProcedure,
  type Engine,
  MotcuaError,
  type Procedure,
  type Timeliness,
  type WorkingCalendar,
} from '@motcua/core';
import { processFromTable } from '@motcua/procedures';
import { z } from 'zod';

/** The decision the sample table stands for (an illustration). */
const DECISION = {
  number: 'minh họa 02/QĐ-UBND (dữ liệu mẫu)',
  date: '2026-01-05',
  issuedBy: 'UBND tỉnh Quảng Ngãi',
};

/**
 * Temporary residence registration (đăng ký tạm trú; 3 working days, Law on Residence 2020 art. 28)
 * as the sample table `province-process.csv` gives its steps, with a sample charge collected at
 * intake that phase 2 waits for. Its national code is not confirmed here: a placeholder.
 */
export function provinceProcedure(calendar: WorkingCalendar, from: string): Procedure {
  const table = readFileSync(new URL('./province-process.csv', import.meta.url), 'utf8');
  const [definition] = processFromTable(table, {
    procedure: {
      code: 'PLACEHOLDER:dang-ky-tam-tru',
      version: '2026.1',
      effectiveFrom: from,
      regime: '2025',
      name: { vi: 'Đăng ký tạm trú' },
      legalBasis: ['Luật Cư trú số 68/2020/QH14, điều 28'],
      agency: 'Công an xã',
      timeLimit: { workingDays: 3 },
      channels: ['in-person', 'online-full'],
      application: z.object({ address: z.string().min(5), until: z.iso.date() }).strict(),
      fees: [
        {
          id: 'le-phi-tam-tru',
          name: 'Lệ phí đăng ký tạm trú (dữ liệu mẫu)',
          kind: 'charge',
          amountVnd: 15_000,
          collection: 'at-intake',
          source: 'Dữ liệu mẫu của bản demo, không phải mức thu theo quy định',
        },
      ],
    },
    decision: DECISION,
    phases: { 2: 'payment' },
    calendar,
  });
  return defineProcedure(definition!, { calendar });
}

/** What the report shows of the imported procedure's dossier. */
export interface ProvinceProcess {
  readonly code: string;
  readonly source: string;
  /** The steps: name, unit name and phase. */
  readonly steps: readonly { name: string; unit: string; phase: number }[];
  /** The engine refused the hand-over into phase 2 before the payment. */
  readonly waitedForPayment: boolean;
  /** Early / on time / late at return. */
  readonly result: Timeliness | null;
}

/**
 * One dossier of the imported procedure: received, the hand-over into phase 2 refused until the
 * charge is paid at the desk, then through its steps to the result.
 */
export async function provinceProcessDossier(engine: Engine, procedure: Procedure): Promise<ProvinceProcess> {
  const def = procedure.definition;
  const officer = (unitId: string) => ({ officerId: `${unitId}-1`, unitId });
  const d = await engine.receive({
    procedure: procedure.code,
    channel: 'in-person',
    actor: officer(def.desk),
    applicant: { fullName: 'Võ Thị Hạnh', idNumber: '051192004321', phone: '0905123456' },
    application: { address: 'Tổ 4, phường Cẩm Thành, Quảng Ngãi', until: '2027-12-31' },
  });
  await engine.send(d.code, { type: 'HAND_OVER', actor: officer(def.desk) });
  let waitedForPayment = false;
  try {
    await engine.send(d.code, { type: 'HAND_OVER', actor: officer(def.steps[1]!.unit) });
  } catch (e) {
    // Phase 2's only gate is the payment (`phases: { 2: 'payment' }` above).
    if (!(e instanceof MotcuaError)) throw e;
    waitedForPayment = true;
  }
  await engine.send(d.code, {
    type: 'RECORD_PAYMENT',
    actor: officer(def.desk),
    items: [{ feeId: 'le-phi-tam-tru' }],
    channel: 'desk',
  });
  for (const step of def.steps.slice(1))
    await engine.send(d.code, { type: 'HAND_OVER', actor: officer(step.unit) });
  const returned = await engine.send(d.code, { type: 'RETURN_RESULT', actor: officer(def.desk) });
  return {
    code: d.code,
    source: def.legalBasis[def.legalBasis.length - 1]!,
    steps: def.steps.map((s) => ({
      name: s.name,
      unit: def.units[s.unit]?.name ?? s.unit,
      phase: s.phase ?? 1,
    })),
    waitedForPayment,
    result: returned.context.outcome?.result ?? null,
  };
}
