import type { ActorInput, Engine } from '@motcua/core';
import type { OfficeInfoInput } from '@motcua/core/forms';
import type { FastifyRequest } from 'fastify';
import type { ActorResolver } from './actor-headers.js';
import type { LookupThrottle } from './lookup-throttle.js';
import { HttpProblem } from './problem.js';

/** What the routes share. */
export interface ServerContext {
  readonly engine: Engine;
  readonly resolveActor: ActorResolver;
  readonly throttle: LookupThrottle | null;
  readonly deskHorizonDays: number;
  readonly office: OfficeInfoInput;
}

/** The officer making a staff request, or a 401 problem when the request carries no identity. */
export async function requireActor(ctx: ServerContext, request: FastifyRequest): Promise<ActorInput> {
  const actor = await ctx.resolveActor(request);
  if (!actor) {
    throw new HttpProblem(
      401,
      'ACTOR_REQUIRED',
      'this endpoint is for officers: identify the officer (X-Officer-Id, X-Unit-Id)',
      'x-officer-id',
    );
  }
  return actor;
}

/** Refuses a lookup from a client that failed too often (429 with `Retry-After`). */
export function checkThrottle(ctx: ServerContext, request: FastifyRequest): void {
  const wait = ctx.throttle?.retryAfter(request.ip) ?? 0;
  if (wait > 0) {
    throw new HttpProblem(
      429,
      'TOO_MANY_LOOKUPS',
      'too many failed lookups from this address; try again later',
      undefined,
      wait,
    );
  }
}
