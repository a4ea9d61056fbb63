import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@motcua/adapters/sqlite';
import {
  type ActorInput,
  createEngine,
  type Engine,
  type EngineOptions,
  SimulatedClock,
  vietnamCalendar,
  type WorkingCalendar,
} from '@motcua/core';
import { CATALOGUE_CODES, catalogueSamples, createCatalogue } from '@motcua/procedures';
import type { FastifyInstance } from 'fastify';
import { ACTOR_HEADERS } from './actor-headers.js';
import { createServer, type ServerOptions } from './server.js';

/**
 * Test support (not a test): an office on a SQLite file in a fresh temporary folder, a simulated
 * clock, a seeded random (codes and secrets replay), and the server listening on a free loopback
 * port.
 */

let calendar: WorkingCalendar | undefined;
const sharedCalendar = () => {
  calendar ??= vietnamCalendar();
  return calendar;
};

/** Officers of the catalogue procedures' units (invented). */
export const officers = {
  desk: { officerId: 'desk-01', unitId: 'desk', name: 'Nguyễn Thị Mai' },
  police: { officerId: 'police-01', unitId: 'police', name: 'Trần Văn Hùng' },
  justice: { officerId: 'justice-01', unitId: 'justice', name: 'Lê Thị Hoa' },
  registrar: { officerId: 'registrar-01', unitId: 'registrar', name: 'Phạm Minh Tuấn' },
  head: { officerId: 'head-01', unitId: 'leader', name: 'Võ Văn Kiệt', roles: ['agency-head'] },
} satisfies Record<string, ActorInput>;

/** The headers of {@link headerActor} for an officer. */
export function actorHeaders(actor: ActorInput): Record<string, string> {
  return {
    [ACTOR_HEADERS.officer]: actor.officerId,
    [ACTOR_HEADERS.unit]: actor.unitId,
    ...(actor.roles?.length ? { [ACTOR_HEADERS.roles]: actor.roles.join(',') } : {}),
    ...(actor.name ? { [ACTOR_HEADERS.name]: encodeURIComponent(actor.name) } : {}),
  };
}

/** A JSON answer. */
interface JsonAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test answers are read field by field
  readonly body: any;
}

/** A running test office. */
export interface TestOffice {
  readonly url: string;
  readonly engine: Engine;
  readonly clock: SimulatedClock;
  readonly app: FastifyInstance;
  /** A request with an optional officer and JSON body. */
  request(
    method: string,
    path: string,
    options?: { actor?: ActorInput; body?: unknown; headers?: Record<string, string> },
  ): Promise<JsonAnswer>;
  /** Receives the catalogue sample of `procedure` through the API as the desk. */
  receive(procedure: keyof typeof CATALOGUE_CODES, headers?: Record<string, string>): Promise<JsonAnswer>;
  close(): Promise<void>;
}

/**
 * Starts a test office: SQLite in a temporary folder (or on `dbFile`, left in place, so that two
 * offices can share one store like two server processes), clock at `start` (default Monday
 * 2 March 2026, 08:00) or the `clock` given.
 */
export async function startTestOffice(
  options: {
    start?: string;
    dbFile?: string;
    clock?: SimulatedClock;
    lookupLimit?: EngineOptions['lookupLimit'];
  } & Omit<Partial<ServerOptions>, 'engine'> = {},
): Promise<TestOffice> {
  const { start, dbFile, clock: sharedClock, lookupLimit, ...serverOptions } = options;
  const dir = dbFile ? null : mkdtempSync(join(tmpdir(), 'motcua-one-stop-server-'));
  const store = new SqliteStore(dbFile ?? join(dir!, 'motcua.sqlite'));
  await store.migrate();
  const clock = sharedClock ?? new SimulatedClock(start ?? '2026-03-02T08:00:00+07:00');
  let seed = 2026;
  const engine = createEngine({
    procedures: createCatalogue({ calendar: sharedCalendar() }),
    calendar: sharedCalendar(),
    store,
    clock,
    agency: '000.00.14.H56',
    workerId: 'test-worker',
    ...(lookupLimit ? { lookupLimit } : {}),
    random: () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    },
  });
  const app = createServer({ engine, ...serverOptions });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address !== 'object') throw new Error('not listening');
  const url = `http://127.0.0.1:${address.port}`;

  const request: TestOffice['request'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.actor ? actorHeaders(o.actor) : {}), ...o.headers };
    let body: string | undefined;
    if (o.body !== undefined) {
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  };

  return {
    url,
    engine,
    clock,
    app,
    request,
    receive(procedure, headers) {
      const code = CATALOGUE_CODES[procedure];
      const sample = catalogueSamples[code]!;
      return request('POST', '/api/dossiers', {
        actor: officers.desk,
        body: {
          procedure: code,
          channel: 'in-person',
          applicant: sample.applicant,
          application: sample.application,
        },
        ...(headers ? { headers } : {}),
      });
    },
    async close() {
      await app.close();
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
