import { toInstant } from '../model/actor.js';
import type { Reception, ResolvedReception } from '../model/cross-boundary.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { DossierEvent } from '../model/dossier-events.js';
import { instantMs } from '../model/instant-format.js';
import type { SlipParty } from '../model/slip-row.js';
import { classifyTimeliness } from '../model/timeliness.js';
import { appendSlip, type LifecycleEnv } from './lifecycle-env.js';

type E<T extends DossierEvent['type']> = Extract<DossierEvent, { type: T }>;

/**
 * The reception section of a dossier received at `receivedAt` (a UTC ISO instant): for a
 * cross-boundary dossier, the paper original's transfer with its due time (the receipt plus the
 * list's transfer budget, `null` without one).
 */
export function receptionAtReceipt(env: LifecycleEnv, r: ResolvedReception, receivedAt: string): Reception {
  const { transferBudget, ...centres } = r;
  return {
    ...centres,
    ...(r.crossBoundary
      ? {
          originals: {
            due: transferBudget
              ? toInstant(env.calendar.dueDate(new Date(instantMs(receivedAt)), transferBudget))
              : null,
          },
        }
      : {}),
  };
}

function centreParty(
  centre: { id: string; name: string },
  officer?: { officerId: string; name?: string | undefined },
): SlipParty {
  return {
    unitId: centre.id,
    unitName: centre.name,
    ...(officer
      ? { officerId: officer.officerId, ...(officer.name ? { officerName: officer.name } : {}) }
      : {}),
  };
}

const NOTES = {
  sent: 'Gửi bản giấy hồ sơ tiếp nhận không phụ thuộc địa giới hành chính',
  received: 'Nhận bản giấy hồ sơ tiếp nhận không phụ thuộc địa giới hành chính',
  returned: 'Chuyển trả bản giấy hồ sơ và kết quả về nơi trả kết quả',
} as const;

/**
 * TRANSFER_ORIGINALS: the paper original moves between centres (sent, received, returned), a
 * handover on the control slip each; its arrival is early / on time / late against the transfer
 * budget. The state does not change.
 */
export function transferOriginals(
  env: LifecycleEnv,
  ctx: DossierContext,
  e: E<'TRANSFER_ORIGINALS'>,
): DossierContext {
  const reception = ctx.reception!;
  const originals = reception.originals!;
  const move = { at: e.at, by: e.actor };
  const note = e.note ?? NOTES[e.stage];
  let next: NonNullable<Reception['originals']>;
  let row: Parameters<typeof appendSlip>[2];
  if (e.stage === 'sent') {
    next = { ...originals, sent: move };
    row = {
      kind: 'handover',
      from: centreParty(reception.receivingCentre, e.actor),
      to: centreParty(reception.competentCentre),
      at: e.at,
      note,
    };
  } else if (e.stage === 'received') {
    const result =
      originals.due === null
        ? undefined
        : classifyTimeliness(new Date(instantMs(e.at)), new Date(instantMs(originals.due)), env.calendar);
    next = { ...originals, received: move, ...(result ? { result } : {}) };
    row = {
      kind: 'handover',
      from: centreParty(reception.receivingCentre, originals.sent?.by),
      to: centreParty(reception.competentCentre, e.actor),
      at: e.at,
      ...(originals.due !== null ? { due: originals.due } : {}),
      ...(result ? { result } : {}),
      note,
    };
  } else {
    next = { ...originals, returned: move };
    row = {
      kind: 'handover',
      from: centreParty(reception.competentCentre),
      to: centreParty(reception.returningCentre, e.actor),
      at: e.at,
      note,
    };
  }
  return {
    ...ctx,
    reception: { ...reception, originals: next },
    slip: appendSlip(env, ctx.slip, row),
    updatedAt: e.at,
  };
}
