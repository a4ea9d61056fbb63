import type { AnyStateMachine, InspectionEvent, Observer, StateValue } from 'xstate';
import { type DossierContext, DossierContextSchema } from '../model/dossier-context.js';
import { maskPersonalData } from '../model/personal-data.js';
import type { PersistedDossier, Procedure } from '../procedure/define-procedure.js';

/** A dossier's snapshot as inspection events carry it (the shape of an XState snapshot's data). */
export interface InspectedDossierSnapshot {
  readonly value: StateValue;
  readonly context: DossierContext;
  readonly status: 'active' | 'done';
}

/**
 * A dossier as the actor of inspection events: what inspectors read from XState's `actorRef`
 * (`@statelyai/inspect` reads `id`, `sessionId`, `logic.config`, `_parent` and `getSnapshot()`).
 * It is a description, not a live actor: commands go through the engine.
 */
export interface DossierActorRef {
  /** The dossier code. */
  readonly id: string;
  /** The dossier code (stable across processes, unlike XState's `x:0` session ids). */
  readonly sessionId: string;
  /** The procedure version's XState machine: `logic.config` is the definition inspectors draw. */
  readonly logic: AnyStateMachine;
  /** A dossier is a root actor. */
  readonly _parent: undefined;
  /** The dossier's snapshot when the event was emitted. */
  getSnapshot(): InspectedDossierSnapshot;
}

/** An event as inspection events carry it: a dossier event, or `xstate.init` for the receipt. */
export interface InspectedDossierEvent {
  readonly type: string;
  readonly [key: string]: unknown;
}

/** What every engine inspection event carries. */
export interface EngineInspectionBase {
  /** The dossier code (a dossier is its own root actor). */
  readonly rootId: string;
  /** The dossier code. */
  readonly sessionId: string;
  readonly actorRef: DossierActorRef;
}

/**
 * An inspection event, shaped as XState's own (`@xstate.actor`, `@xstate.event`,
 * `@xstate.snapshot`) so that XState tools, `@statelyai/inspect` among them, take it as is. Per
 * dossier: `@xstate.actor` when it is received (or first seen by this engine), then an
 * `@xstate.event` and an `@xstate.snapshot` for the receipt (`xstate.init`) and for every
 * committed event. **Snapshots carry the full context, personal data included**: see
 * {@link maskInspection}.
 */
export type EngineInspectionEvent =
  | (EngineInspectionBase & { readonly type: '@xstate.actor' })
  | (EngineInspectionBase & {
      readonly type: '@xstate.event';
      readonly event: InspectedDossierEvent;
      /** Events come from outside the actor system (officers, the engine's timers). */
      readonly sourceRef: undefined;
    })
  | (EngineInspectionBase & {
      readonly type: '@xstate.snapshot';
      readonly event: InspectedDossierEvent;
      readonly snapshot: InspectedDossierSnapshot;
    });

/**
 * Where the engine sends inspection events: a function, or an observer of XState's inspection
 * events as `createActor(…, { inspect })` takes it, such as `@statelyai/inspect`'s
 * `inspector.inspect` (the events have every field such observers read).
 */
export type EngineInspector = ((event: EngineInspectionEvent) => void) | Observer<InspectionEvent>;

/** The inspector as a function (an observer's `next`). */
function sinkOf(inspect: EngineInspector): (event: EngineInspectionEvent) => void {
  if (typeof inspect === 'function') return inspect;
  // The events carry every field XState's inspection observers read (see DossierActorRef).
  return (event) => inspect.next?.(event as unknown as InspectionEvent);
}

/** How many dossier codes an engine remembers having announced (`@xstate.actor`). */
const ANNOUNCED_MAX = 10_000;

/**
 * The engine's inspection stream (internal to the engine): `received` after a receipt is
 * committed, `transitioned` after an event is committed.
 */
export interface DossierInspection {
  received(procedure: Procedure, after: PersistedDossier, input: { readonly channel: string }): void;
  transitioned(
    procedure: Procedure,
    type: string,
    event: object,
    before: PersistedDossier,
    after: PersistedDossier,
  ): void;
}

const silent: DossierInspection = { received() {}, transitioned() {} };

/** A warning about a failed inspector, in the engine log's shape. */
export interface InspectorFailure {
  readonly level: 'warn';
  readonly message: 'inspector failed';
  readonly code: string;
  readonly type: string;
  readonly error: string;
}

/**
 * The inspection stream into `inspect` (nothing is built when there is none). An inspector that
 * throws never fails the command, which is committed already: the rest of that command's events
 * are dropped and `warn` is told.
 */
export function dossierInspection(
  inspect: EngineInspector | undefined,
  warn: (entry: InspectorFailure) => void = () => {},
): DossierInspection {
  if (!inspect) return silent;
  const send = sinkOf(inspect);
  const guarded = (code: string, type: string, emit: () => void) => {
    try {
      emit();
    } catch (e) {
      warn({
        level: 'warn',
        message: 'inspector failed',
        code,
        type,
        error: String((e as Error)?.message ?? e),
      });
    }
  };
  // Codes announced by this engine, oldest first; a dossier seen again after it was forgotten is
  // announced again (inspectors take a repeated @xstate.actor as the same session).
  const announced = new Set<string>();
  const announce = (procedure: Procedure, persisted: PersistedDossier) => {
    const code = persisted.context.code;
    send({
      type: '@xstate.actor',
      rootId: code,
      sessionId: code,
      actorRef: actorRefOf(procedure, persisted),
    });
    announced.add(code);
    if (announced.size > ANNOUNCED_MAX) announced.delete(announced.values().next().value as string);
  };
  const pair = (procedure: Procedure, event: InspectedDossierEvent, after: PersistedDossier) => {
    const code = after.context.code;
    const actorRef = actorRefOf(procedure, after);
    send({ type: '@xstate.event', rootId: code, sessionId: code, actorRef, event, sourceRef: undefined });
    send({
      type: '@xstate.snapshot',
      rootId: code,
      sessionId: code,
      actorRef,
      event,
      snapshot: actorRef.getSnapshot(),
    });
  };
  return {
    received(procedure, after, input) {
      const init = {
        type: 'xstate.init',
        input: { procedure: `${procedure.code}@${procedure.version}`, channel: input.channel },
      };
      guarded(after.context.code, init.type, () => {
        announce(procedure, after);
        pair(procedure, init, after);
      });
    },
    transitioned(procedure, type, event, before, after) {
      guarded(after.context.code, type, () => {
        if (!announced.has(after.context.code)) announce(procedure, before);
        pair(procedure, { ...event, type }, after);
      });
    },
  };
}

function actorRefOf(procedure: Procedure, persisted: PersistedDossier): DossierActorRef {
  const snapshot: InspectedDossierSnapshot = {
    value: persisted.value,
    context: persisted.context,
    status: persisted.status,
  };
  const code = persisted.context.code;
  return {
    id: code,
    sessionId: code,
    logic: procedure.machine,
    _parent: undefined,
    getSnapshot: () => snapshot,
  };
}

/** The procedures a masking inspector knows: the engine's registry, or a list of versions. */
export type InspectedProcedures = { get(code: string, version: string): Procedure } | readonly Procedure[];

/** Event fields kept by {@link maskInspection}: no names, notes or reasons. */
const KEPT_EVENT_FIELDS = ['type', 'at', 'input', 'toStep', 'delivery', 'newDue', 'causedBy'] as const;

/**
 * Wraps an inspector so that the dossiers' personal data does not reach it: every snapshot
 * (in `@xstate.snapshot` and in `actorRef.getSnapshot()`) has the applicant's and the
 * application's fields tagged with `personal()` masked (`'Phạm Thị Dung'` → `'P. T. D.'`), the
 * whole application replaced by `'***'` when its procedure is not in `procedures`, and the lookup
 * secret replaced by `'***'`; every event keeps only its type, instant, the acting officer's ids
 * and roles, and `toStep`, `delivery`, `newDue`, `causedBy` (no names, notes or reasons). Officers'
 * names and notes inside the context (control slip, supplementation requests, outcome) are kept:
 * filter them too if your policy counts them as personal data.
 * @example
 * ```ts
 * import { createEngine, type EngineInspector, maskInspection, vietnamCalendar } from '@motcua/core';
 * import { createCatalogue } from '@motcua/procedures';
 * declare const inspector: { inspect: EngineInspector }; // e.g. createWebSocketInspector() of Stately's inspect package
 * const calendar = vietnamCalendar();
 * const procedures = createCatalogue({ calendar });
 * const engine = createEngine({
 *   procedures, calendar, agency: 'H56', inspect: maskInspection(inspector.inspect, procedures),
 * });
 * ```
 */
export function maskInspection(
  inspect: EngineInspector,
  procedures: InspectedProcedures,
): (event: EngineInspectionEvent) => void {
  const send = sinkOf(inspect);
  const find = (code: string, version: string): Procedure | undefined => {
    if ('get' in procedures && !Array.isArray(procedures)) {
      try {
        return (procedures as { get(code: string, version: string): Procedure }).get(code, version);
      } catch {
        return undefined;
      }
    }
    return (procedures as readonly Procedure[]).find((p) => p.code === code && p.version === version);
  };
  const maskSnapshot = (s: InspectedDossierSnapshot): InspectedDossierSnapshot => {
    const ctx = s.context;
    const definition = find(ctx.procedure.code, ctx.procedure.version)?.definition;
    // Every field the context schema tags (the applicant and representative, who collected the
    // result, the signers of result documents), then the application by its procedure's schema.
    const context = {
      ...(maskPersonalData(DossierContextSchema, ctx) as DossierContext),
      secret: '***',
      application: definition ? maskPersonalData(definition.application, ctx.application) : '***',
    } as DossierContext;
    return { value: s.value, context, status: s.status };
  };
  const maskEvent = (e: InspectedDossierEvent): InspectedDossierEvent => {
    const out: Record<string, unknown> = {};
    for (const key of KEPT_EVENT_FIELDS) if (e[key] !== undefined) out[key] = e[key];
    const actor = e.actor as { officerId?: unknown; unitId?: unknown; roles?: unknown } | undefined;
    if (actor) {
      out.actor = {
        officerId: actor.officerId,
        unitId: actor.unitId,
        ...(actor.roles ? { roles: actor.roles } : {}),
      };
    }
    return out as InspectedDossierEvent;
  };
  return (e) => {
    const masked = maskSnapshot(e.actorRef.getSnapshot());
    const actorRef: DossierActorRef = { ...e.actorRef, getSnapshot: () => masked };
    if (e.type === '@xstate.actor') send({ ...e, actorRef });
    else if (e.type === '@xstate.event') send({ ...e, actorRef, event: maskEvent(e.event) });
    else send({ ...e, actorRef, event: maskEvent(e.event), snapshot: maskSnapshot(e.snapshot) });
  };
}
