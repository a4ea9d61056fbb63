/**
 * Helpers for the procedure kit's own tests (not exported from `@motcua/core/testing`): the sample
 * procedure and variants of it on one national calendar, officers, receipts, and a way to catch
 * the kit's typed errors. Imports only the kit's modules (not the engine), so the kit's tests do
 * not depend on the engine or the stores.
 */
import { vietnamCalendar } from '../src/calendar/vietnam-calendar.js';
import type { WorkingCalendar } from '../src/calendar/working-calendar.js';
import type { ActorInput } from '../src/model/actor.js';
import type { DossierEventInput } from '../src/model/dossier-events.js';
import {
  type DefineProcedureOptions,
  type DossierSnapshot,
  defineProcedure,
  type Procedure,
  type ReceiveInput,
} from '../src/procedure/define-procedure.js';
import type { ProcedureDefinitionInput } from '../src/procedure/definition-schema.js';
import { sampleResidenceDefinition } from '../src/testing/sample-procedure.js';

let calendar: WorkingCalendar | undefined;
let residence: Procedure | undefined;

/** The national calendar, built once. */
export function kitCalendar(): WorkingCalendar {
  calendar ??= vietnamCalendar();
  return calendar;
}

/** The sample residence procedure (7 working days; desk → police → leader → police). */
export function residenceProcedure(): Procedure {
  residence ??= defineProcedure(sampleResidenceDefinition, { calendar: kitCalendar() });
  return residence;
}

/** The sample definition with some fields replaced. */
export function residenceVariant(
  overrides: Partial<ProcedureDefinitionInput>,
  options: DefineProcedureOptions = {},
): Procedure {
  return defineProcedure(
    { ...sampleResidenceDefinition, ...overrides },
    { calendar: kitCalendar(), ...options },
  );
}

/** Officers of the sample procedure's units, and the engine's own actor. */
export const officers = {
  desk: { officerId: 'desk-1', unitId: 'desk', name: 'Nguyễn Văn An', roles: [] },
  police: { officerId: 'police-1', unitId: 'police', name: 'Trần Thị Bình', roles: [] },
  leader: { officerId: 'leader-1', unitId: 'leader', name: 'Lê Văn Cường', roles: ['agency-head'] },
  system: { officerId: 'engine', unitId: 'system', roles: ['system'] },
} satisfies Record<string, ActorInput>;

/** The officer of a unit of the sample procedure. */
export function officerOf(unitId: string): ActorInput {
  const actor = Object.values(officers).find((a) => a.unitId === unitId);
  if (!actor) throw new Error(`no officer for unit ${unitId}`);
  return actor;
}

/** A valid receipt for the sample procedure at `receivedAt`. */
export function residenceReceipt(receivedAt: string, overrides: Partial<ReceiveInput> = {}): ReceiveInput {
  return {
    code: 'H56-260302-0001',
    secret: 'K7M2QX',
    agency: 'H56',
    receivedAt,
    receivedBy: officers.desk,
    channel: 'in-person',
    applicant: { fullName: 'Phạm Thị Dung', idNumber: '001190012345', phone: '0912345678' },
    application: { address: '12 Lý Thường Kiệt, Hoàn Kiếm', householdHead: 'Phạm Văn Em', members: 3 },
    ...overrides,
  };
}

/** Applies events in order. */
export function applyAll(
  procedure: Procedure,
  snapshot: DossierSnapshot,
  events: readonly DossierEventInput[],
): DossierSnapshot {
  return events.reduce((s, e) => procedure.apply(s, e), snapshot);
}

/** An instant as the kit stores it (UTC ISO), from an ISO string with an offset. */
export function utc(iso: string): string {
  return new Date(iso).toISOString();
}

/** The error `fn` throws (fails when it throws nothing). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, nothing was thrown');
}
