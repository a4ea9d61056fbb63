import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { JournalEntry, OutboxItem, PersistedDossier } from '@motcua/core';
import { DICTIONARY_3 } from './archive-dictionary.js';

/**
 * A closed dossier as the SQLite store keeps it (migration 004): its snapshot, control slip
 * included, and its journal, as one compressed value in `dossiers.snapshot` (a BLOB, where an
 * open dossier has JSON text). A dossier's rows are written many times while it is open and read
 * for years after it closes; compressed together, its snapshot, slip and journal share their
 * repeated names, units and instants.
 */
export interface DossierArchive {
  readonly persisted: PersistedDossier;
  readonly journal: readonly JournalEntry[];
  /**
   * The results of the idempotency keys of the dossier's commits (migration 005), by key; the
   * key's row in `idempotency` then holds {@link archivedResult} (where to find it) instead. A
   * result is mostly the dossier as a commit left it: compressed beside the snapshot it shares
   * nearly everything with, it takes a fraction of its bytes packed alone.
   */
  readonly results?: Readonly<Record<string, unknown>>;
  /**
   * The dossier's delivered outbox items (migration 008), in the outbox's order: each with its
   * position there (`pos`), so that `store.outbox(...)` lists them among the table's items as
   * they were written. Their rows are gone from the outbox table.
   */
  readonly outbox?: readonly ArchivedOutboxItem[];
}

/** A delivered outbox item kept in its dossier's archive, with its position in the outbox's order. */
export interface ArchivedOutboxItem {
  readonly pos: number;
  readonly item: OutboxItem;
}

/**
 * An archived outbox item as stored: the item's fields by short names, those equal to their usual
 * value left out (the dossier's code, the delivered status and free lease, `notBefore` equal to
 * `createdAt`, the next attempt equal to `notBefore`, no error).
 */
interface StoredOutboxItem {
  readonly pos: number;
  readonly id: string;
  readonly code?: string | null;
  readonly type: string;
  readonly payload: unknown;
  readonly createdAt: string;
  readonly notBefore?: string;
  readonly attempts: number;
  readonly nextAttemptAt?: string;
  readonly lastError?: string;
}

function storedOutboxItem({ pos, item }: ArchivedOutboxItem, code: string): StoredOutboxItem {
  return {
    pos,
    id: item.id,
    ...(item.code === code ? {} : { code: item.code }),
    type: item.type,
    payload: item.payload,
    createdAt: item.createdAt,
    ...(item.notBefore === item.createdAt ? {} : { notBefore: item.notBefore }),
    attempts: item.attempts,
    ...(item.nextAttemptAt === item.notBefore ? {} : { nextAttemptAt: item.nextAttemptAt }),
    ...(item.lastError === null ? {} : { lastError: item.lastError }),
  };
}

function archivedOutboxItem(s: StoredOutboxItem, code: string): ArchivedOutboxItem {
  const notBefore = s.notBefore ?? s.createdAt;
  return {
    pos: s.pos,
    item: {
      id: s.id,
      code: s.code === undefined ? code : s.code,
      type: s.type,
      payload: s.payload,
      createdAt: s.createdAt,
      notBefore,
      status: 'delivered',
      attempts: s.attempts,
      nextAttemptAt: s.nextAttemptAt ?? notBefore,
      lastError: s.lastError ?? null,
      leaseOwner: null,
      leaseUntil: null,
    },
  };
}

/** Format 2 (migration 005): the value is in the archive of the dossier whose code follows this byte. */
const FORMAT_IN_ARCHIVE = 2;

/** The value of an idempotency result kept in the archive of dossier `code`. */
export function archivedResult(code: string): Buffer {
  return Buffer.concat([Buffer.from([FORMAT_IN_ARCHIVE]), Buffer.from(code, 'utf8')]);
}

/** The dossier whose archive holds a value (format 2), or `undefined` for a value held in place. */
export function archivedIn(value: string | Uint8Array | null): string | undefined {
  if (value === null || typeof value === 'string' || value[0] !== FORMAT_IN_ARCHIVE) return undefined;
  return Buffer.from(value.subarray(1)).toString('utf8');
}

/** Format 1 (migration 004): raw deflate (RFC 1951), 8 KB window, {@link DICTIONARY_1}, after this byte. */
const FORMAT_1 = 1;

/**
 * The preset dictionary of format 1: the keys and common values of snapshots, slip rows and
 * journal entries (no procedure's own text), so that even a short dossier compresses well. Part
 * of the stored format: never change it; a new dictionary is a new format byte.
 */
const DICTIONARY_1 = Buffer.from(
  [
    '{"persisted":{"procedure":{"code":"","version":""},"value":"","status":"done","context":{"code":"","secret":"",',
    '"procedure":{"code":"","version":"","regime":"2025"},"agency":"","channel":"in-person","online-full","online-partial","postal",',
    '"applicant":{"fullName":"","idNumber":"","phone":"","email":"","address":""},"application":{',
    '"receivedAt":"","receivedBy":{"officerId":"","unitId":"","name":"","roles":[]},',
    '"due":{"legal":"","current":"","service":null},"pause":null,"holder":"",',
    '"steps":[{"stepId":"receive","unit":"desk","startedAt":"","due":"","endedAt":"","result":"ON_TIME","remainingMinutes":null}],',
    '"supplements":[],"apology":null,"decisionIssued":true,"overdue":null,',
    '"slip":[{"seq":1,"kind":"handover","from":{"unitId":"","unitName":"","officerId":"","officerName":""},',
    '"to":{"unitId":"","unitName":""},"at":"","stepId":"","due":"","result":"EARLY","note":"","prevHash":"","hash":""}],',
    '"outcome":{"kind":"returned","at":"","by":{"officerId":"","unitId":"","name":"","roles":[]},"result":"LATE","lateUnit":null,"reasons":[],"delivery":"in-person"},',
    '"updatedAt":""}},"journal":[{"code":"","seq":1,"at":"","type":"RECEIVE","actor":{"officerId":"","unitId":"","name":"","roles":[]},',
    '"before":null,"after":"processing","event":{"type":"HAND_OVER","at":"","actor":{"officerId":"","unitId":"","name":"","roles":[]}},',
    '"idempotencyKey":null},{"type":"RETURN_RESULT","REQUEST_SUPPLEMENT","SUPPLEMENT_RECEIVED","resultReady","returned",',
    '"sent-back","supplement-request","supplement-received","result-returned","closed","T00:00:00.000Z"',
  ].join(''),
);

/**
 * Format 3 (written from migration 005 on): raw deflate with a 32 KB window and
 * {@link DICTIONARY_3}, the structure of today's archives (keys, units, steps, states and event
 * types, every other value blanked; `scripts/archive-dictionary.ts`), after this byte. The main
 * job's archives take about a quarter less than in format 1, whose dictionary knows none of the
 * keys dossiers gained since. Format 1 values are still read.
 */
const FORMAT_3 = 3;

/**
 * A journal entry as an archive keeps it (migration 006): its entry instant as `enteredMs`, the
 * milliseconds from `at` (absent when 0, `null` when the entry has none: written before 006).
 */
type ArchivedEntry = Omit<JournalEntry, 'enteredAt'> & { readonly enteredMs?: number | null };

/** An archive as stored: `entered` marks those written from 006 on, whose entries say when they were entered. */
interface StoredArchive extends Omit<DossierArchive, 'journal' | 'outbox'> {
  readonly journal: readonly (ArchivedEntry | JournalEntry)[];
  readonly outbox?: readonly StoredOutboxItem[];
  readonly entered?: true;
}

/**
 * The compressed value of an archive (format byte, then the deflated JSON). Each journal entry's
 * `enteredAt` is kept as its distance from `at` (most entries are entered as they happen: 0, not
 * written), so that an archive grows by a few bytes, not by an instant per entry.
 */
export function packArchive(archive: DossierArchive): Buffer {
  const journal = archive.journal.map((e): ArchivedEntry => {
    const { enteredAt, ...entry } = e;
    if (enteredAt === undefined) return { ...entry, enteredMs: null };
    const ms = Date.parse(enteredAt) - Date.parse(e.at);
    return ms === 0 ? entry : { ...entry, enteredMs: ms };
  });
  const code = archive.persisted.context.code;
  const { outbox, ...rest } = archive;
  const stored: StoredArchive = {
    ...rest,
    journal,
    ...(outbox && outbox.length > 0 ? { outbox: outbox.map((o) => storedOutboxItem(o, code)) } : {}),
    entered: true,
  };
  return packJson(JSON.stringify(stored));
}

/** An archive from its compressed value. @throws when the value is not in a known format. */
export function unpackArchive(value: Uint8Array): DossierArchive {
  const stored = unpackJson(value) as StoredArchive;
  // Written before 006: its entries have no entry instant (nor outbox items: 008).
  if (stored.entered !== true) return stored as unknown as DossierArchive;
  const { entered: _, outbox, ...archive } = stored;
  const code = archive.persisted.context.code;
  return {
    ...archive,
    ...(outbox ? { outbox: outbox.map((o) => archivedOutboxItem(o, code)) } : {}),
    journal: (stored.journal as ArchivedEntry[]).map(({ enteredMs, ...entry }): JournalEntry => {
      if (enteredMs === null) return entry;
      const enteredAt =
        enteredMs === undefined ? entry.at : new Date(Date.parse(entry.at) + enteredMs).toISOString();
      return { ...entry, enteredAt };
    }),
  };
}

/**
 * JSON text compressed as the store keeps large values written once (archives, idempotency
 * results, delivered outbox payloads): the format byte, then raw deflate with the dictionary.
 */
function packJson(json: string): Buffer {
  // The whole 32 KB window, to reach the whole dictionary; less memory than zlib's default.
  const deflated = deflateRawSync(json, { dictionary: DICTIONARY_3, windowBits: 15, memLevel: 5 });
  const out = Buffer.allocUnsafe(deflated.length + 1);
  out[0] = FORMAT_3;
  deflated.copy(out, 1);
  return out;
}

/** The value of a JSON column: JSON text (as written before migration 004), or packed (a BLOB). */
export function unpackJson(value: string | Uint8Array | null): unknown {
  if (value === null) return null;
  if (typeof value === 'string') return JSON.parse(value);
  const dictionary = value[0] === FORMAT_3 ? DICTIONARY_3 : value[0] === FORMAT_1 ? DICTIONARY_1 : undefined;
  if (!dictionary) throw new Error(`unknown packed value format ${value[0]}`);
  return JSON.parse(inflateRawSync(value.subarray(1), { dictionary }).toString('utf8'));
}

/** `json` packed when that makes it shorter, else the text itself (short values gain nothing). */
export function packIfShorter(json: string): string | Buffer {
  const packed = packJson(json);
  return packed.length < Buffer.byteLength(json) ? packed : json;
}
