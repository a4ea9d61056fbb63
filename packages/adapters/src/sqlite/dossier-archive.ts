import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { JournalEntry, PersistedDossier } from '@motcua/core';

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
}

/** Format 1: raw deflate (RFC 1951) with {@link DICTIONARY_1}, after this byte. */
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

/** The compressed value of an archive (format byte, then the deflated JSON). */
export function packArchive(archive: DossierArchive): Buffer {
  const deflated = deflateRawSync(JSON.stringify(archive), { dictionary: DICTIONARY_1 });
  const out = Buffer.allocUnsafe(deflated.length + 1);
  out[0] = FORMAT_1;
  deflated.copy(out, 1);
  return out;
}

/** An archive from its compressed value. @throws when the value is not in a known format. */
export function unpackArchive(value: Uint8Array): DossierArchive {
  if (value[0] !== FORMAT_1) throw new Error(`unknown dossier archive format ${value[0]}`);
  const json = inflateRawSync(value.subarray(1), { dictionary: DICTIONARY_1 });
  return JSON.parse(json.toString('utf8')) as DossierArchive;
}
