import type { IncomingHttpHeaders } from 'node:http';
import type { ActorInput } from '@motcua/core';
import { z } from 'zod';
import { HttpProblem } from './problem.js';

/**
 * Who is calling, as this server learns it: resolves the officer (cán bộ) of a request, `null`
 * when the request carries no identity, or throws an {@link HttpProblem} for a malformed one.
 * Replace {@link headerActor} with your own (session cookie, OIDC token, mTLS certificate…).
 */
export type ActorResolver = (request: {
  readonly headers: IncomingHttpHeaders;
}) => ActorInput | null | Promise<ActorInput | null>;

/** The headers of {@link headerActor}. */
export const ACTOR_HEADERS = {
  officer: 'x-officer-id',
  unit: 'x-unit-id',
  roles: 'x-officer-roles',
  name: 'x-officer-name',
} as const;

const Identifier = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'expected 1–64 letters, digits or . _ : -');

const ActorHeadersSchema = z.object({
  officerId: Identifier,
  unitId: Identifier,
  roles: z.array(Identifier).max(16),
  name: z.string().trim().min(1).max(120).optional(),
});

function single(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  if (Array.isArray(value)) throw new HttpProblem(400, 'INVALID_ACTOR', `${name}: sent more than once`, name);
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The placeholder identity of this example: the officer in plain request headers,
 * `X-Officer-Id`, `X-Unit-Id` (the procedure's unit id, e.g. `desk`), `X-Officer-Roles`
 * (comma-separated, e.g. `agency-head`) and `X-Officer-Name` (percent-encoded UTF-8, since header
 * values are ASCII). **Anyone can send headers**: put this behind a gateway that authenticates
 * officers and sets them, or replace it with your own {@link ActorResolver}.
 *
 * Answers `null` without `X-Officer-Id` and `X-Unit-Id`; throws a 400 problem naming the header
 * when one is malformed.
 */
export const headerActor: ActorResolver = ({ headers }) => {
  const officerId = single(headers, ACTOR_HEADERS.officer);
  const unitId = single(headers, ACTOR_HEADERS.unit);
  if (officerId === undefined && unitId === undefined) return null;
  const rolesText = single(headers, ACTOR_HEADERS.roles);
  const nameText = single(headers, ACTOR_HEADERS.name);
  let name: string | undefined;
  if (nameText !== undefined) {
    try {
      name = decodeURIComponent(nameText);
    } catch {
      throw new HttpProblem(
        400,
        'INVALID_ACTOR',
        `${ACTOR_HEADERS.name}: not percent-encoded UTF-8`,
        ACTOR_HEADERS.name,
      );
    }
  }
  const parsed = ActorHeadersSchema.safeParse({
    officerId,
    unitId,
    roles:
      rolesText === undefined
        ? []
        : rolesText
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean),
    name,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0]) as 'officerId' | 'unitId' | 'roles' | 'name';
    const header = {
      officerId: ACTOR_HEADERS.officer,
      unitId: ACTOR_HEADERS.unit,
      roles: ACTOR_HEADERS.roles,
      name: ACTOR_HEADERS.name,
    }[key];
    const reason = officerId === undefined || unitId === undefined ? 'required' : issue.message;
    throw new HttpProblem(400, 'INVALID_ACTOR', `${header}: ${reason}`, header);
  }
  const { name: officerName, ...rest } = parsed.data;
  return officerName ? { ...rest, name: officerName } : rest;
};

/**
 * A resolver that falls back to `fallback` when `resolver` finds no identity: for trying the pages
 * in a browser on a developer's machine only (`--dev-actor` in `main.ts`).
 */
export function withFallbackActor(resolver: ActorResolver, fallback: ActorInput): ActorResolver {
  return async (request) => (await resolver(request)) ?? fallback;
}
