import type { Actor } from './actor.js';
import type { Applicant } from './applicant.js';
import type { Channel } from './channel.js';
import type { DossierEvent } from './dossier-events.js';
import { isOwnInstant } from './instant-format.js';

/** Whether `value` is an object literal (or has no prototype): the only input the fast path reads. */
function isPlain(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** The actor as `ActorSchema` outputs it (keys in its order, `roles` a new array), or `undefined` when unsure. */
export function plainActor(value: unknown): Actor | undefined {
  if (!isPlain(value)) return undefined;
  let n = 0;
  for (const key in value) {
    if (key !== 'officerId' && key !== 'unitId' && key !== 'name' && key !== 'roles') return undefined;
    n++;
  }
  const { officerId, unitId, name, roles } = value;
  if (!nonEmpty(officerId) || !nonEmpty(unitId)) return undefined;
  if ('name' in value && !nonEmpty(name)) return undefined;
  let out: string[];
  if ('roles' in value) {
    if (!Array.isArray(roles) || Object.getPrototypeOf(roles) !== Array.prototype) return undefined;
    out = [];
    for (let i = 0; i < roles.length; i++) {
      const r: unknown = roles[i];
      if (!nonEmpty(r)) return undefined;
      out.push(r);
    }
  } else out = [];
  if (n > 4) return undefined;
  return 'name' in value
    ? { officerId, unitId, name: name as string, roles: out }
    : { officerId, unitId, roles: out };
}

/** An array made by a literal, or `undefined`. */
function plainArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype ? value : undefined;
}

/** A copy of a non-empty array of non-empty strings, or `undefined`. */
function plainStrings(value: unknown): string[] | undefined {
  const list = plainArray(value);
  if (!list || list.length === 0) return undefined;
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (!nonEmpty(item)) return undefined;
    out.push(item);
  }
  return out;
}

/** Copies of supplementation items (`{ name, note? }`, at least one), or `undefined`. */
function plainItems(value: unknown): { name: string; note?: string }[] | undefined {
  const list = plainArray(value);
  if (!list || list.length === 0) return undefined;
  const out: { name: string; note?: string }[] = [];
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (!isPlain(item)) return undefined;
    let n = 0;
    for (const key in item) {
      if ((key !== 'name' && key !== 'note') || item[key] === undefined) return undefined;
      n++;
    }
    const { name, note } = item;
    if (!nonEmpty(name) || (note !== undefined && typeof note !== 'string')) return undefined;
    if (n !== (note === undefined ? 1 : 2)) return undefined;
    out.push(note === undefined ? { name } : { name, note });
  }
  return out;
}

/**
 * The most frequent events (`HAND_OVER` without a receiver, `MARK_OVERDUE`, `EXPIRE`,
 * `RETURN_RESULT`, `SUPPLEMENT_RECEIVED`, `WITHDRAW`, `STOP`, `REFUSE`, `REQUEST_SUPPLEMENT`) in
 * their common form checked without the schema, the output exactly what
 * `DossierEventSchema` gives (same keys in the same order, defaults filled, nested objects copied);
 * `undefined` for anything else or anything doubtful (an error, another event, an instant in
 * another form, a key present as `undefined`): the caller then parses with the schema, which
 * gives the same answer and the errors. A test compares both on generated events.
 */
export function commonEvent(input: unknown): DossierEvent | undefined {
  if (!isPlain(input)) return undefined;
  const type = input.type;
  if (
    type !== 'HAND_OVER' &&
    type !== 'MARK_OVERDUE' &&
    type !== 'EXPIRE' &&
    type !== 'RETURN_RESULT' &&
    type !== 'SUPPLEMENT_RECEIVED' &&
    type !== 'WITHDRAW' &&
    type !== 'STOP' &&
    type !== 'REFUSE' &&
    type !== 'REQUEST_SUPPLEMENT'
  )
    return undefined;
  let n = 0;
  for (const key in input) {
    if (input[key] === undefined) return undefined;
    n++;
  }
  if (!isOwnInstant(input.at)) return undefined;
  const actor = plainActor(input.actor);
  if (!actor) return undefined;
  const note = input.note;
  if (note !== undefined && typeof note !== 'string') return undefined;
  const at = input.at as string;
  switch (type) {
    case 'MARK_OVERDUE':
    case 'EXPIRE':
      return n === 3 ? ({ type, at, actor } as DossierEvent) : undefined;
    case 'HAND_OVER':
    case 'SUPPLEMENT_RECEIVED':
      if (n !== (note === undefined ? 3 : 4)) return undefined;
      return (note === undefined ? { type, at, actor } : { type, at, actor, note }) as DossierEvent;
    case 'WITHDRAW':
    case 'STOP': {
      const reason = input.reason;
      if (reason !== undefined && typeof reason !== 'string') return undefined;
      if (n !== (reason === undefined ? 3 : 4)) return undefined;
      return (reason === undefined ? { type, at, actor } : { type, at, actor, reason }) as DossierEvent;
    }
    case 'REFUSE': {
      const reasons = plainStrings(input.reasons);
      if (!reasons || n !== 4) return undefined;
      return { type, at, actor, reasons } as DossierEvent;
    }
    case 'REQUEST_SUPPLEMENT': {
      const items = plainItems(input.items);
      const reason = input.reason;
      if (!items || !nonEmpty(reason) || n !== 5) return undefined;
      return { type, at, actor, items, reason } as DossierEvent;
    }
    case 'RETURN_RESULT': {
      const delivery = input.delivery ?? 'in-person';
      if (delivery !== 'in-person' && delivery !== 'postal' && delivery !== 'online') return undefined;
      if (n !== 3 + (input.delivery === undefined ? 0 : 1) + (note === undefined ? 0 : 1)) return undefined;
      return (
        note === undefined ? { type, at, actor, delivery } : { type, at, actor, delivery, note }
      ) as DossierEvent;
    }
  }
}

/** The receipt channels (`ChannelSchema`'s values). */
const CHANNELS: readonly string[] = ['in-person', 'postal', 'online-full', 'online-partial'];

/** The channel as `ChannelSchema` outputs it, or `undefined` when it is not one. */
export function plainChannel(value: unknown): Channel | undefined {
  return typeof value === 'string' && CHANNELS.includes(value) ? (value as Channel) : undefined;
}

const TWELVE_DIGITS = /^\d{12}$/;

/**
 * The applicant in its common form (a person or an organisation with a name, and optionally a
 * 12-digit ID number, a phone, an address, an organisation name) as `ApplicantSchema` outputs it
 * (keys in the schema's order, a new object), without the schema; `undefined` for anything else
 * or doubtful (an e-mail, a representative, an unknown key, a key present as `undefined`, an
 * error): the caller then parses with the schema. A test compares both on generated applicants.
 */
export function plainApplicant(value: unknown): Applicant | undefined {
  if (!isPlain(value)) return undefined;
  for (const key in value) {
    if (
      (key !== 'fullName' &&
        key !== 'idNumber' &&
        key !== 'phone' &&
        key !== 'address' &&
        key !== 'organisation') ||
      value[key] === undefined
    )
      return undefined;
  }
  const { fullName, idNumber, phone, address, organisation } = value;
  if (!nonEmpty(fullName)) return undefined;
  const out: { fullName: string } & Record<string, string> = { fullName };
  if (idNumber !== undefined) {
    if (typeof idNumber !== 'string' || !TWELVE_DIGITS.test(idNumber)) return undefined;
    out.idNumber = idNumber;
  }
  if (phone !== undefined) {
    if (!nonEmpty(phone)) return undefined;
    out.phone = phone;
  }
  if (address !== undefined) {
    if (!nonEmpty(address)) return undefined;
    out.address = address;
  }
  if (organisation !== undefined) {
    if (!nonEmpty(organisation)) return undefined;
    out.organisation = organisation;
  }
  return out as Applicant;
}
