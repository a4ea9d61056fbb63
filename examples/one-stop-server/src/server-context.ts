import { type ActorInput, type Engine, MotcuaError } from '@motcua/core';
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

/**
 * Runs a public lookup under the per-address throttle: refused with 429 (`Retry-After`) when the
 * address failed too often; the attempt counted first is given back unless the lookup was a
 * failed guess (`LOOKUP_FAILED`).
 */
export async function throttled<T>(
  ctx: ServerContext,
  request: FastifyRequest,
  run: () => Promise<T>,
): Promise<T> {
  const throttle = ctx.throttle;
  if (!throttle) return run();
  const ticket = await throttle.reserve(request.ip);
  if (!ticket.admitted) {
    throw new HttpProblem(
      429,
      'TOO_MANY_LOOKUPS',
      'too many failed lookups from this address; try again later',
      undefined,
      ticket.retryAfter,
    );
  }
  let result: T;
  try {
    result = await run();
  } catch (e) {
    if (!(e instanceof MotcuaError && e.code === 'LOOKUP_FAILED')) await throttle.release(ticket);
    throw e;
  }
  await throttle.release(ticket);
  return result;
}
