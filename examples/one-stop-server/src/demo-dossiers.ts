import type { ActorInput, Engine } from '@motcua/core';
import { catalogueSamples } from '@motcua/procedures';

/** A desk officer for the demonstration (invented). */
export const DEMO_DESK: ActorInput = { officerId: 'desk-01', unitId: 'desk', name: 'Nguyễn Thị Mai' };

/**
 * Receives one sample dossier (invented applicant) for each catalogue procedure in force today,
 * so the desk and lookup pages have something to show. Answers their codes and lookup secrets.
 */
export async function receiveDemoDossiers(
  engine: Engine,
): Promise<{ code: string; secret: string; procedure: string }[]> {
  const today = engine.calendar.localDate(engine.clock.now());
  const received = [];
  for (const [code, sample] of Object.entries(catalogueSamples)) {
    const procedure = engine.procedures.inForce(code, today);
    const view = await engine.receive({
      procedure: code,
      channel: procedure.definition.channels[0]!,
      actor: DEMO_DESK,
      applicant: sample.applicant,
      application: sample.application,
      idempotencyKey: `demo:${today}:${code}`,
    });
    received.push({ code: view.code, secret: view.context.secret, procedure: procedure.definition.name.vi });
  }
  return received;
}
