import {
  type ActorInput,
  type Engine,
  INTAKE_STATES,
  type NationalStatus,
  TransitionError,
} from '@motcua/core';
import { z } from 'zod';
import { ConnectorError } from '../shared/connector-error.js';

/** One attachment of a portal filing: which document of the procedure, where the file is, its hash. */
const PortalAttachmentSchema = z
  .object({
    documentId: z.string().min(1).max(64),
    uri: z.string().min(1).max(2000),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a lower-case SHA-256 hex digest'),
  })
  .strict();

/**
 * An online filing as the portal delivers it (nộp hồ sơ trực tuyến, status 1), in motcua's names:
 * the portal's filing id, the procedure, the online channel, when the applicant submitted it, the
 * applicant and application (checked by the procedure), and the attachments' metadata. The
 * portal's own payload shape is not confirmed (see the connectors guide): a transport maps it here.
 */
export const PortalFilingSchema = z
  .object({
    /** The portal's id of the filing; the same id twice is the same filing. */
    id: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[\w.:-]+$/, 'letters, digits and . : - _'),
    procedure: z.string().min(1).max(100),
    version: z.string().min(1).max(50).optional(),
    channel: z.enum(['online-full', 'online-partial']),
    /** When the applicant submitted it (ISO 8601 with an offset). */
    submittedAt: z.iso.datetime({ offset: true }),
    applicant: z.unknown(),
    application: z.unknown(),
    attachments: z.array(PortalAttachmentSchema).max(50).optional(),
  })
  .strict();
/** See {@link PortalFilingSchema}. */
export type PortalFiling = z.input<typeof PortalFilingSchema>;

/** The applicant's request on the portal about a filing: withdraw it, or stop its processing (2025 rules). */
export const PortalRequestSchema = z
  .object({
    filingId: z.string().min(1).max(100),
    kind: z.enum(['withdraw', 'stop']),
    /** When the applicant asked (default: now). */
    at: z.iso.datetime({ offset: true }).optional(),
    reason: z.string().min(1).max(500).optional(),
  })
  .strict();
/** See {@link PortalRequestSchema}. */
export type PortalRequest = z.input<typeof PortalRequestSchema>;

/** What the portal is answered: the dossier's code and national status (never the lookup secret). */
export interface PortalAnswer {
  readonly code: string;
  readonly nationalStatus: NationalStatus | null;
  /** The filing had been received before (a second delivery). */
  readonly duplicate: boolean;
}

/** Inbound from the national portal: filings and the applicants' requests about them. */
export interface DvcqgInbound {
  /**
   * Takes a filing: an online dossier in `submitted` (national status 1) with its code, the
   * attachments recorded as digitised components. The same filing delivered again gives the same
   * dossier (`duplicate: true`); the same id with other content is an `IdempotencyKeyError`; bad data
   * the engine's `ValidationError` naming each field.
   */
  filing(input: PortalFiling): Promise<PortalAnswer>;
  /**
   * Applies a withdrawal (`WITHDRAW`: before acceptance → `intakeWithdrawn`, later → `withdrawn`) or
   * a stop (`STOP`; before acceptance the filing was never received, so a stop withdraws it) the
   * applicant asked for on the portal. A request for a filing not received yet
   * is a `ConnectorError` `FILING_NOT_FOUND` (the portal retries later); one the state does not
   * allow (a result already issued) the engine's `TransitionError`. The same request again gives
   * the first answer.
   */
  request(input: PortalRequest): Promise<PortalAnswer>;
}

/** The inbound shape's first problem as a `ConnectorError` `INVALID_INPUT` naming the field, never its value. */
function parseOrFail<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || what;
  const message = issue.code === 'unrecognized_keys' ? 'unknown key' : issue.message;
  throw new ConnectorError('INVALID_INPUT', `${what}: ${field}: ${message}`, { field });
}

/**
 * Inbound from the National Public Service Portal: filings (status 1) become online dossiers with
 * `engine.submit` (key `dvcqg:<filing id>`, so a filing delivered twice is one dossier), their
 * attachments digitised components, and the applicant's withdrawal or stop requests become the
 * matching events (key `dvcqg:<filing id>:<kind>`). The status changes flow back to the portal
 * through the outbound sync. `actor` is the desk's account for the portal.
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { dvcqgInbound } from '@motcua/connectors/dvcqg';
 * declare const engine: Engine;
 * const inbound = dvcqgInbound(engine, { actor: { officerId: 'dvcqg', unitId: 'desk', name: 'Cổng DVCQG' } });
 * const answer = await inbound.filing({
 *   id: 'G22-260306-000123', procedure: '1.004194', channel: 'online-full',
 *   submittedAt: '2026-03-06T16:00:00+07:00',
 *   applicant: { fullName: 'Phạm Thị Dung', idNumber: '001190012345' },
 *   application: { address: '12 Lý Thường Kiệt, Hoàn Kiếm', householdHead: 'Phạm Văn Em', members: 3 },
 * });
 * answer.nationalStatus; // { code: 1, name: 'Mới đăng ký' }
 * await inbound.request({ filingId: 'G22-260306-000123', kind: 'withdraw' });
 * ```
 */
export function dvcqgInbound(engine: Engine, options: { readonly actor: ActorInput }): DvcqgInbound {
  const actor = options.actor;
  const key = (id: string) => `dvcqg:${id}`;
  return {
    async filing(input) {
      const f = parseOrFail(PortalFilingSchema, input, 'filing');
      const duplicate = (await engine.store.idempotentResult(key(f.id))) !== undefined;
      const view = await engine.submit({
        procedure: f.procedure,
        ...(f.version ? { version: f.version } : {}),
        channel: f.channel,
        actor,
        applicant: f.applicant,
        application: f.application,
        at: f.submittedAt,
        filing: { system: 'dvcqg', id: f.id },
        idempotencyKey: key(f.id),
      });
      let current: { readonly nationalStatus: NationalStatus | null } = view;
      if (f.attachments?.length) {
        try {
          current = await engine.send(
            view.code,
            {
              type: 'RECORD_COMPONENTS',
              actor,
              at: f.submittedAt,
              components: f.attachments.map((a) => ({
                documentId: a.documentId,
                source: 'paper' as const,
                digitised: true,
                file: { uri: a.uri, sha256: a.sha256 },
              })),
            },
            { idempotencyKey: `${key(f.id)}:components` },
          );
        } catch (e) {
          // Withdrawn on the portal between the two (a racing request): the filing stands as it is.
          if (!(e instanceof TransitionError)) throw e;
          current = await engine.get(view.code);
        }
      }
      return { code: view.code, nationalStatus: current.nationalStatus, duplicate };
    },
    async request(input) {
      const r = parseOrFail(PortalRequestSchema, input, 'request');
      const first = (await engine.store.idempotentResult(key(r.filingId))) as { code?: unknown } | undefined;
      if (typeof first?.code !== 'string') {
        throw new ConnectorError('FILING_NOT_FOUND', 'request: no filing with this id yet (retry later)', {
          field: 'filingId',
        });
      }
      const requestKey = `${key(r.filingId)}:${r.kind}`;
      const duplicate = (await engine.store.idempotentResult(requestKey)) !== undefined;
      // A filing the desk has not accepted yet was never received: stopping it is withdrawing it.
      const notReceived =
        r.kind === 'stop' && !duplicate && INTAKE_STATES.includes((await engine.get(first.code)).state);
      const view = await engine.send(
        first.code,
        {
          type: r.kind === 'withdraw' || notReceived ? 'WITHDRAW' : 'STOP',
          actor,
          ...(r.at ? { at: r.at } : {}),
          ...(r.reason ? { reason: r.reason } : {}),
        },
        { idempotencyKey: requestKey },
      );
      return { code: view.code, nationalStatus: view.nationalStatus, duplicate };
    },
  };
}
