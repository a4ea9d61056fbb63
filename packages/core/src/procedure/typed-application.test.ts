/**
 * Types from the application schema: `defineProcedure` is generic in it, and its type flows to
 * receipt, snapshots, the engine's views and `checkReceipt`. Checked by `tsc` (`pnpm typecheck`);
 * at run time the assertions are no-ops and the calls check the same behaviour as before.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { kitCalendar, officers, residenceReceipt } from '../../test-support/dossier-harness.js';
import { createEngine } from '../engine/create-engine.js';
import type { DossierRecord, DossierView } from '../engine/engine-types.js';
import type { DossierContext } from '../model/dossier-context.js';
import {
  type ApplicationInputOf,
  type ApplicationOf,
  type DossierSnapshot,
  defineProcedure,
  type PersistedDossier,
  type Procedure,
} from './define-procedure.js';
import type { ProcedureDefinitionInput } from './definition-schema.js';

const application = z
  .object({
    pages: z.number().int().positive(),
    copies: z.number().int().positive().default(1),
    note: z.string().optional(),
  })
  .strict();

const definition = {
  code: '2.000815',
  version: '2025.1',
  effectiveFrom: '2025-07-01',
  regime: '2025',
  name: { vi: 'Chứng thực bản sao từ bản chính', en: 'Certified copy' },
  legalBasis: ['Nghị định 23/2015/NĐ-CP'],
  agency: 'UBND xã',
  timeLimit: { sameDay: true },
  channels: ['in-person'],
  units: { desk: { name: 'Bộ phận một cửa' }, justice: { name: 'Công chức Tư pháp – Hộ tịch' } },
  steps: [
    { id: 'certify', name: 'Chứng thực', unit: 'justice', budget: { workingHours: 3 }, issuesDecision: true },
    { id: 'sign', name: 'Ký', unit: 'justice', budget: { workingHours: 1 } },
  ],
} as const satisfies Omit<ProcedureDefinitionInput, 'application'>;

/** What the schema gives after parsing (`copies` defaulted) and what it accepts. */
type Copy = { pages: number; copies: number; note?: string | undefined };
type CopyInput = { pages: number; copies?: number | undefined; note?: string | undefined };

const copyCertification = defineProcedure(
  {
    ...definition,
    application,
    checkReceipt: (app) => {
      // The validated application: `copies` is there (defaulted).
      expectTypeOf(app).toEqualTypeOf<Copy>();
      return app.copies > app.pages ? [{ field: 'copies', message: 'more copies than pages' }] : [];
    },
  },
  { calendar: kitCalendar() },
);

describe('defineProcedure: the application type flows from its schema', () => {
  it('types the procedure, its receipt input and its snapshots', () => {
    expectTypeOf(copyCertification).toEqualTypeOf<Procedure<Copy, CopyInput>>();
    expectTypeOf<ApplicationOf<typeof copyCertification>>().toEqualTypeOf<Copy>();
    expectTypeOf<ApplicationInputOf<typeof copyCertification>>().toEqualTypeOf<CopyInput>();

    const receipt = residenceReceipt('2026-03-02T08:00:00+07:00', { code: 'H56-260302-0007' });
    const snapshot = copyCertification.receive({ ...receipt, application: { pages: 4 } });
    expectTypeOf(snapshot).toEqualTypeOf<DossierSnapshot<Copy>>();
    expectTypeOf(snapshot.context.application).toEqualTypeOf<Copy>();
    expectTypeOf(snapshot.context.application.copies).toBeNumber();
    const persisted = copyCertification.persist(snapshot);
    expectTypeOf(persisted).toEqualTypeOf<PersistedDossier<Copy>>();
    const withdrawn = copyCertification.step(persisted, {
      type: 'WITHDRAW',
      at: '2026-03-02T09:00:00+07:00',
      actor: officers.desk,
    });
    expectTypeOf(withdrawn).toEqualTypeOf<PersistedDossier<Copy>>();
    expect(withdrawn.context.application).toEqual({ pages: 4, copies: 1 });
    expectTypeOf(copyCertification.withCalendar(kitCalendar())).toEqualTypeOf<typeof copyCertification>();
    // A typed context is still a dossier context.
    expectTypeOf(snapshot.context).toExtend<DossierContext>();
  });

  it('refuses a wrong application field at compile time and at run time alike', () => {
    const receipt = residenceReceipt('2026-03-02T08:00:00+07:00', { code: 'H56-260302-0007' });
    const ok = copyCertification.receive({ ...receipt, application: { pages: 4 } });
    expect(ok.context.application).toEqual({ pages: 4, copies: 1 });
    const wrongType = () =>
      // @ts-expect-error pages is a number
      copyCertification.receive({ ...receipt, application: { pages: '4' } });
    const unknownField = () =>
      // @ts-expect-error no such field in the schema
      copyCertification.receive({ ...receipt, application: { pages: 4, colour: true } });
    const missingField = () =>
      // @ts-expect-error pages is required
      copyCertification.start({ ...receipt, application: {} });
    expect(wrongType).toThrow(/application/);
    expect(unknownField).toThrow(/application/);
    expect(missingField).toThrow(/application/);
  });

  it('stays untyped (unknown) for a definition not known statically, and fits an untyped procedure', () => {
    const untyped = defineProcedure({ ...definition, application } as ProcedureDefinitionInput, {
      calendar: kitCalendar(),
    });
    expectTypeOf(untyped).toEqualTypeOf<Procedure<unknown, unknown>>();
    expectTypeOf<ApplicationOf<Procedure>>().toBeUnknown();
    // A typed procedure goes wherever an untyped one does (registries, engines).
    expectTypeOf(copyCertification).toExtend<Procedure>();
  });
});

describe('the engine: typed when the call names the procedure', () => {
  const engine = createEngine({
    procedures: [copyCertification],
    calendar: kitCalendar(),
    clock: { now: () => new Date('2026-03-02T01:00:00Z') },
    agency: '000.00.14.H56',
  });
  const command = {
    procedure: copyCertification.code,
    channel: 'in-person',
    actor: officers.desk,
    applicant: { fullName: 'Phạm Thị Dung', idNumber: '001190012345' },
    at: '2026-03-02T08:00:00+07:00',
  } as const;

  it('types receive, send and get with the procedure type; unknown without it', async () => {
    const view = await engine.receive<typeof copyCertification>({ ...command, application: { pages: 2 } });
    expectTypeOf(view).toEqualTypeOf<DossierView<Copy>>();
    expectTypeOf(view.context.application.pages).toBeNumber();
    expect(view.context.application.copies).toBe(1);

    const record = await engine.get<typeof copyCertification>(view.code);
    expectTypeOf(record).toEqualTypeOf<DossierRecord<Copy>>();
    expectTypeOf(record.context.application.note).toEqualTypeOf<string | undefined>();

    const sent = await engine.send<typeof copyCertification>(view.code, {
      type: 'WITHDRAW',
      actor: officers.desk,
    });
    expectTypeOf(sent.context.application).toEqualTypeOf<Copy>();

    // Untyped access, as before: `unknown`.
    const plain = await engine.get(view.code);
    expectTypeOf(plain).toEqualTypeOf<DossierRecord>();
    expectTypeOf(plain.context.application).toBeUnknown();

    const wrongType = () =>
      // @ts-expect-error pages is a number
      engine.receive<typeof copyCertification>({ ...command, application: { pages: 'two' } });
    await expect(wrongType()).rejects.toThrow(/application/);
  });
});
