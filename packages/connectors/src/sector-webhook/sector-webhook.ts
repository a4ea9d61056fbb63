import {
  type ActorInput,
  type DossierContext,
  type Engine,
  type EngineEvent,
  type EnginePlugin,
  IdempotencyKeyError,
  MotcuaError,
  type OutboxItem,
  PermanentDeliveryError,
  PermissionError,
  ResultDocumentSchema,
  TransitionError,
  type TransitionInfo,
  ValidationError,
} from '@motcua/core';
import { z } from 'zod';
import { invalidOption } from '../shared/connector-error.js';
import { KEY_ID_HEADER, SIGNATURE_HEADER, signatureProblem, signBody } from './signature.js';

/** What a sector system's status becomes in motcua: recorded only (`ack`), or one dossier event. */
const StatusMappingSchema = z.union([
  z.object({ kind: z.literal('ack') }).strict(),
  z.object({ event: z.enum(['HAND_OVER', 'REQUEST_SUPPLEMENT', 'REFUSE', 'ISSUE_RESULT']) }).strict(),
]);

/** A sector system's configuration, checked when the connector is made (see {@link sectorWebhook}). */
export const SectorSystemSchema = z
  .object({
    /** The system's id, e.g. `vbdlis` (land registration) or `htql-ho-tich` (civil status). */
    id: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'lower-case letters, digits and dashes'),
    name: z.string().min(1).max(200),
    /** Where handoffs are posted (https, or http on loopback). */
    url: z.url(),
    /** Names the shared secret (sent as `x-motcua-key-id`, so keys can be rotated). */
    keyId: z.string().min(1).max(64),
    /** The shared secret both sides sign with: at least 32 characters. */
    secret: z.string().min(32),
    timeoutMs: z.number().int().min(100).max(120_000).optional(),
    /** Which hand-overs go to the system: into these steps of these procedures. */
    handoff: z
      .object({
        procedures: z.array(z.string().min(1)).min(1),
        steps: z.array(z.string().min(1)).min(1),
      })
      .strict(),
    /** The officer the system acts as when it reports back (its unit must hold the dossier). */
    actor: z
      .object({ officerId: z.string().min(1), unitId: z.string().min(1), name: z.string().min(1).optional() })
      .strict(),
    /** The system's statuses and what each becomes (configuration, not code). */
    statuses: z.record(z.string().min(1).max(64), StatusMappingSchema),
  })
  .strict();

/** One sector system the connector talks to. See {@link sectorWebhook}. */
export type SectorSystem = z.input<typeof SectorSystemSchema> & {
  /** What the system receives of the dossier (built at delivery); default nothing but the code and step. */
  readonly project?: (dossier: DossierContext) => unknown;
};

/** Options of {@link sectorWebhook}. */
export interface SectorWebhookOptions {
  readonly systems: readonly SectorSystem[];
  /** Plugin name (default `'sector'`). */
  readonly name?: string;
  /** How far a callback's signature time may be from now, in seconds (default 300). */
  readonly windowSeconds?: number;
}

/** A callback as the sector system sends it (the body, signed). */
const CallbackSchema = z
  .object({
    /** The system's id of this report: the same id twice is the same report (replays are answered once). */
    eventId: z.string().min(1).max(100),
    dossierCode: z.string().min(1).max(100),
    status: z.string().min(1).max(64),
    /** When it happened (default: now). */
    at: z.iso.datetime({ offset: true }).optional(),
    note: z.string().min(1).max(1000).optional(),
    items: z
      .array(z.object({ name: z.string().min(1).max(300), note: z.string().max(1000).optional() }).strict())
      .max(50)
      .optional(),
    reasons: z.array(z.string().min(1).max(1000)).max(20).optional(),
    documents: z.array(ResultDocumentSchema).max(20).optional(),
  })
  .strict();

/** An HTTP-shaped answer to a callback, framework-neutral. */
export interface CallbackAnswer {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

/** The connector: an engine plugin (outbound handoffs) with the inbound callback handler. */
export interface SectorWebhook extends EnginePlugin {
  /** Gives the plugin the engine it is installed in. */
  attach(engine: Engine): Promise<void>;
  /**
   * Handles a sector system's callback (mount it at e.g. `POST /api/connectors/sector/:system`
   * with the raw body): the signature and its time window, then the body, then the status mapped
   * to a dossier event applied under the key `sector:<system>:<eventId>`.
   */
  handleCallback(request: {
    readonly system: string;
    readonly headers: Readonly<Record<string, string | undefined>>;
    readonly body: string;
  }): Promise<CallbackAnswer>;
}

const problem = (status: number, code: string, field?: string): CallbackAnswer => ({
  status,
  body: { code, ...(field ? { field } : {}) },
});

/**
 * A generic connector to a sector's own software (a land-registration or civil-status system):
 *
 * - **Outbound**: a hand-over into one of a system's steps posts a handoff through the outbox:
 *   `{ dossierCode, procedure, stepId, version, data }` (`data` from the system's `project`, built
 *   at delivery), signed with HMAC-SHA256 (`x-motcua-signature: t=…,v1=…`, `x-motcua-key-id`) and
 *   carrying `idempotency-key` (the outbox item's id, the same on every retry). 2xx and 409 are
 *   delivered, other 4xx dead letters, timeouts and 5xx retried.
 * - **Inbound**: `handleCallback` checks the signature (constant time) and that its time is within
 *   the window (replays outside it are refused), validates the body, maps the system's status to a
 *   dossier event by configuration and applies it as the system's officer, under the key
 *   `sector:<system>:<eventId>` (a replay gets the first answer, the same id with another body a
 *   409). The engine's own rules apply: the system's unit must hold the dossier.
 *
 * Bad options are a `ConnectorError` `INVALID_OPTION` naming the option (`systems[0].statuses.X.event`).
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { sectorWebhook } from '@motcua/connectors/sector-webhook';
 * declare const engine: Engine;
 * const land = sectorWebhook({
 *   systems: [{
 *     id: 'vbdlis', name: 'Hệ thống thông tin đất đai', url: 'https://vbdlis.example.gov.vn/motcua/handoffs',
 *     keyId: 'k1', secret: process.env.VBDLIS_SECRET ?? '',
 *     handoff: { procedures: ['1.004194'], steps: ['appraise'] },
 *     actor: { officerId: 'vbdlis', unitId: 'police', name: 'VBDLIS' },
 *     statuses: { DA_NHAN: { kind: 'ack' }, HOAN_THANH: { event: 'HAND_OVER' }, TU_CHOI: { event: 'REFUSE' } },
 *   }],
 * });
 * await land.attach(engine); // and `plugins: [land]` in createEngine
 * ```
 */
export function sectorWebhook(options: SectorWebhookOptions): SectorWebhook {
  const parsed = z
    .array(SectorSystemSchema)
    .min(1)
    .safeParse(options.systems?.map(({ project: _p, ...s }) => s));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidOption(
      `systems${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`,
      issue.message,
    );
  }
  const name = options.name ?? 'sector';
  const windowSeconds = options.windowSeconds ?? 300;
  const systems = new Map(
    parsed.data.map((s, i) => [s.id, { ...s, project: options.systems[i]!.project }] as const),
  );
  if (systems.size !== parsed.data.length) throw invalidOption('systems', 'two systems share an id');
  let engine: Engine | undefined;
  const attached = () => {
    if (!engine) throw new Error('sectorWebhook: attach(engine) first');
    return engine;
  };

  const deliver = async (item: OutboxItem): Promise<void> => {
    const e = attached();
    const p = item.payload as { code?: string; version?: number; system?: string; stepId?: string } | null;
    const system = p?.system ? systems.get(p.system) : undefined;
    if (!p?.code || !system) throw new PermanentDeliveryError(`SECTOR_INVALID_PAYLOAD ${item.type}`);
    const dossier = await e.get(p.code);
    const body = JSON.stringify({
      dossierCode: p.code,
      procedure: dossier.summary.procedureCode,
      stepId: p.stepId,
      version: p.version,
      data: system.project ? system.project(dossier.context) : {},
    });
    let response: Response;
    try {
      response = await fetch(system.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': item.id,
          [KEY_ID_HEADER]: system.keyId,
          [SIGNATURE_HEADER]: signBody(body, system.secret, e.clock.now()),
        },
        body,
        signal: AbortSignal.timeout(system.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer();
    } catch {
      throw new Error(`SECTOR_RETRY ${system.id}: no answer`);
    }
    if (response.ok || response.status === 409) return;
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429)
      throw new PermanentDeliveryError(`SECTOR_REJECTED ${system.id}: HTTP ${response.status}`);
    throw new Error(`SECTOR_RETRY ${system.id}: HTTP ${response.status}`);
  };

  const handleCallback: SectorWebhook['handleCallback'] = async ({ system: id, headers, body }) => {
    const e = attached();
    const system = systems.get(id);
    if (!system) return problem(404, 'UNKNOWN_SYSTEM');
    const header = headers[SIGNATURE_HEADER] ?? headers['X-Motcua-Signature'];
    const why = signatureProblem(header, body, system.secret, e.clock.now(), windowSeconds);
    if (why === 'stale') return problem(401, 'STALE_SIGNATURE');
    if (why) return problem(401, 'BAD_SIGNATURE');
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return problem(422, 'INVALID_INPUT', 'body');
    }
    const parsed = CallbackSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return problem(422, 'INVALID_INPUT', issue.path.map(String).join('.') || 'body');
    }
    const c = parsed.data;
    const mapping = system.statuses[c.status];
    if (!mapping) return problem(422, 'UNKNOWN_STATUS', 'status');
    if ('kind' in mapping) return { status: 200, body: { code: c.dossierCode, recorded: true } };
    const actor: ActorInput = { ...system.actor, roles: ['sector-system'] };
    const base = { actor, ...(c.at ? { at: c.at } : {}) };
    let event: EngineEvent;
    if (mapping.event === 'HAND_OVER')
      event = { type: 'HAND_OVER', ...base, ...(c.note ? { note: c.note } : {}) };
    else if (mapping.event === 'REQUEST_SUPPLEMENT') {
      if (!c.items?.length) return problem(422, 'INVALID_INPUT', 'items');
      event = {
        type: 'REQUEST_SUPPLEMENT',
        ...base,
        items: c.items,
        reason: c.note ?? 'Theo yêu cầu của cơ quan chuyên ngành',
      };
    } else if (mapping.event === 'REFUSE') {
      if (!c.reasons?.length) return problem(422, 'INVALID_INPUT', 'reasons');
      event = { type: 'REFUSE', ...base, reasons: c.reasons };
    } else {
      if (!c.documents?.length) return problem(422, 'INVALID_INPUT', 'documents');
      event = { type: 'ISSUE_RESULT', ...base, documents: c.documents };
    }
    try {
      const view = await e.send(c.dossierCode, event, { idempotencyKey: `sector:${system.id}:${c.eventId}` });
      return {
        status: 200,
        body: {
          code: view.code,
          version: view.version,
          state: view.state,
          nationalStatus: view.nationalStatus,
        },
      };
    } catch (err) {
      if (err instanceof IdempotencyKeyError) return problem(409, 'EVENT_CONFLICT', 'eventId');
      if (err instanceof ValidationError)
        return problem(422, 'INVALID_INPUT', err.issues[0]?.field ?? 'body');
      if (err instanceof PermissionError) return problem(409, 'NOT_PERMITTED');
      if (err instanceof TransitionError) return problem(409, 'INVALID_TRANSITION');
      if (err instanceof MotcuaError && err.code === 'NOT_FOUND')
        return problem(404, 'NOT_FOUND', 'dossierCode');
      throw err;
    }
  };

  return {
    name,
    async attach(e: Engine) {
      engine = e;
    },
    onTransition(info: TransitionInfo) {
      if (info.type !== 'HAND_OVER') return undefined;
      const open = info.after.steps[info.after.steps.length - 1];
      if (!open || open.endedAt !== null) return undefined;
      const out = [];
      for (const s of systems.values()) {
        if (s.handoff.procedures.includes(info.procedure.code) && s.handoff.steps.includes(open.stepId)) {
          out.push({
            type: 'handoff',
            key: s.id,
            payload: { code: info.after.code, version: info.version, system: s.id, stepId: open.stepId },
          });
        }
      }
      return out.length ? out : undefined;
    },
    deliver,
    handleCallback,
  };
}
