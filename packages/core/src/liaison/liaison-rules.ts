import type { Actor } from '../model/actor.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { DossierEvent } from '../model/dossier-events.js';
import {
  type LiaisonMemberState,
  type LiaisonParent,
  OPEN_MEMBER_STATUSES,
} from '../model/liaison-context.js';
import { LIAISON_EVENT_TYPES, type LiaisonEventType } from '../model/liaison-events.js';
import type { LifecycleEnv } from '../procedure/lifecycle-env.js';
import type { Denial } from '../procedure/lifecycle-rules.js';
import { type LiaisonDefinition, liaisonOf } from './liaison-definition.js';

/** The role the liaison plugin's actor carries when it applies a member agency's message. */
export const LIAISON_ROLE = 'liaison';

/** A validated liaison event (`HAND_OFF`, `MEMBER_*`). */
export type LiaisonEvent = Extract<DossierEvent, { type: LiaisonEventType }>;

/** Whether an event is one of the liaison's own (`HAND_OFF`, `MEMBER_*`). */
export function isLiaisonEvent(e: DossierEvent): e is LiaisonEvent {
  return (LIAISON_EVENT_TYPES as readonly string[]).includes(e.type);
}

/** Whether a member's agency holds the dossier. */
export function isOpenMember(m: LiaisonMemberState): boolean {
  return OPEN_MEMBER_STATUSES.includes(m.status);
}

/**
 * Members the desk hands off with a `HAND_OFF` that names none: in a parallel liaison every
 * {@link eligibleMembers} one; in a sequential one the first of them in the definition's order.
 */
export function readyMembers(def: LiaisonDefinition, section: LiaisonParent): LiaisonMemberState[] {
  const eligible = eligibleMembers(def, section);
  return section.mode === 'sequential' ? eligible.slice(0, 1) : eligible;
}

/**
 * Members the desk may hand off now: requested and waiting, every member they come `after`
 * returned; none in a sequential liaison while an agency holds it (the desk picks the order).
 */
function eligibleMembers(def: LiaisonDefinition, section: LiaisonParent): LiaisonMemberState[] {
  if (section.mode === 'sequential' && section.members.some(isOpenMember)) return [];
  const ready = section.members.filter((m) => {
    if (m.status !== 'waiting') return false;
    const after = def.members.find((d) => d.id === m.id)?.after ?? [];
    return after.every((id) => {
      const dep = section.members.find((x) => x.id === id);
      return !dep || dep.status === 'not-requested' || (dep.status === 'done' && dep.outcome === 'returned');
    });
  });
  return ready;
}

const state = (reason: string): Denial => ({ kind: 'state', reason });

function memberActor(env: LifecycleEnv, actor: Actor, m: LiaisonMemberState): Denial | null {
  if (actor.unitId === m.unit || actor.unitId === env.def.desk) return null;
  if (actor.roles.includes(LIAISON_ROLE) || actor.roles.includes('system')) return null;
  return {
    kind: 'permission',
    reason: `only the member agency (${m.unit}), the liaison software or the desk may report for ${m.id}`,
  };
}

/**
 * Whether a liaison event may be applied to a dossier (see `denialOf`): the dossier must be the
 * parent of a liaison; `HAND_OFF` is the desk's; member events come from the member's unit, the
 * liaison software (role `liaison`) or the desk, for a member whose agency holds the dossier, or
 * (`MEMBER_RESULT`, `MEMBER_CANCELLED`) was asked to stop it. Returns `null` when allowed.
 */
export function liaisonDenial(env: LifecycleEnv, ctx: DossierContext, e: LiaisonEvent): Denial | null {
  const section = ctx.liaison;
  const resolved = liaisonOf(env.def);
  if (section?.role !== 'parent' || !resolved)
    return state('the dossier is not the parent dossier of a liaison');
  const def = resolved.definition;
  if (e.type === 'HAND_OFF') {
    if (e.actor.unitId !== env.def.desk && !e.actor.roles.includes('system')) {
      return { kind: 'permission', reason: `only the one-stop desk (${env.def.desk}) hands off` };
    }
    if (ctx.pause) return state('the liaison is paused for supplementation');
    if (e.member === undefined) {
      return readyMembers(def, section).length ? null : state('no member is ready to be handed off');
    }
    const ready = eligibleMembers(def, section);
    const m = section.members.find((x) => x.id === e.member);
    if (!m) return state(`no member ${e.member}`);
    if (m.status === 'not-requested') return state(`member ${m.id} was not requested`);
    if (m.status !== 'waiting') return state(`member ${m.id} is already ${m.status}`);
    if (ready.some((r) => r.id === m.id)) return null;
    const holder = section.members.find(isOpenMember);
    if (section.mode === 'sequential' && holder) {
      return state(`a sequential liaison goes to one agency at a time: ${holder.id} holds it`);
    }
    const after = def.members.find((d) => d.id === m.id)?.after ?? [];
    return state(`member ${m.id} comes after ${after.join(', ')}, whose result is not back`);
  }
  const m = section.members.find((x) => x.id === e.member);
  if (!m) return state(`no member ${e.member}`);
  const denied = memberActor(env, e.actor, m);
  if (denied) return denied;
  if (e.type === 'MEMBER_ACCEPTED') {
    if (m.status !== 'handed-off') return state(`member ${m.id} is ${m.status}, not awaiting acceptance`);
    return null;
  }
  // An agency asked to stop answers with MEMBER_CANCELLED, or with its result when the part was decided.
  const answering =
    m.status === 'cancelling' && (e.type === 'MEMBER_RESULT' || e.type === 'MEMBER_CANCELLED');
  if (e.type === 'MEMBER_CANCELLED' && !answering) {
    return state(`member ${m.id} is ${m.status}: its agency was not asked to stop`);
  }
  if (!isOpenMember(m) && !answering) {
    return state(`member ${m.id} is ${m.status}: its agency does not hold the dossier`);
  }
  if (e.childCode && m.childCode && e.childCode !== m.childCode) {
    return state(`member ${m.id} is dossier ${m.childCode}, not ${e.childCode}`);
  }
  switch (e.type) {
    case 'MEMBER_CANCELLED':
      return null;
    case 'MEMBER_VERIFICATION': {
      if (m.verification) return state(`member ${m.id} already needs verification`);
      const spec = def.members.find((d) => d.id === m.id);
      if (!spec?.verificationBudget) return state(`member ${m.id} has no limit with verification`);
      return null;
    }
    case 'MEMBER_SUPPLEMENT': {
      if (m.status === 'supplementing') return state(`member ${m.id} already awaits a supplementation`);
      const max = def.supplementation.maxRequests;
      if (m.supplementRequests >= max) {
        return state(`member ${m.id} may ask for ${max} supplementation(s), all used`);
      }
      return null;
    }
    case 'MEMBER_APOLOGY': {
      if (m.apology) return state(`member ${m.id} already apologised (the date may be re-set once)`);
      if (m.due && Date.parse(e.newDue) <= Date.parse(m.due)) {
        return state(`the new date must be after the member's due time ${m.due}`);
      }
      return null;
    }
    case 'MEMBER_RESULT': {
      if (e.outcome === 'refused' && e.reasons.length === 0) return state('a refusal needs its reasons');
      if (e.resultAt && Date.parse(e.resultAt) > Date.parse(e.at)) {
        return state('resultAt is after the time the result came back');
      }
      return null;
    }
  }
}
