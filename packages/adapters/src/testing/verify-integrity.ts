/**
 * Invariants a store must keep whatever happens to the processes writing it (test helper): for
 * each dossier, the journal is 1..version without gaps, each entry starts where the previous one
 * ended, replaying the journal from the receipt gives the stored snapshot, the slip rows are the
 * snapshot's, the summary is the snapshot's, and the pending timers are those the snapshot implies.
 */
import {
  type DossierEventInput,
  type DossierStore,
  type PersistedDossier,
  pendingDeadlines,
  summaryWithNationalStatus,
} from '@motcua/core';
import { sampleProcedure, testCalendar } from '@motcua/core/testing';

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
const same = (a: unknown, b: unknown): boolean => canonical(plain(a)) === canonical(plain(b));
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Replays a dossier's journal from its receipt, as the engine applied it. */
function replayJournal(
  stored: PersistedDossier,
  journal: readonly { seq: number; at: string; type: string; actor: unknown; event: unknown }[],
): PersistedDossier {
  const p = sampleProcedure();
  const ctx = stored.context;
  const first = journal[0]!;
  // As the engine receives: validate with placeholders, then fill in the code and the secret.
  const draft = p.persist(
    p.receive({
      code: 'pending',
      secret: 'pending',
      agency: ctx.agency,
      receivedAt: first.at,
      receivedBy: first.actor as never,
      channel: ctx.channel,
      applicant: ctx.applicant,
      application: ctx.application,
    }),
  );
  let snapshot = p.restore({ ...draft, context: { ...draft.context, code: ctx.code, secret: ctx.secret } });
  for (const entry of journal.slice(1)) {
    if (entry.type.startsWith('TIMER:')) continue; // fired for plugins only: the state did not move
    snapshot = p.apply(snapshot, entry.event as DossierEventInput);
  }
  return p.persist(snapshot);
}

/**
 * The journal invariants alone, for dossiers written below the engine (fixtures): each journal is
 * 1..version without gaps, and each dossier's slip rows are its snapshot's.
 */
export async function journalProblems(store: DossierStore): Promise<string[]> {
  const problems: string[] = [];
  for (const { code } of await store.list({})) {
    const stored = (await store.load(code))!;
    const seqs = (await store.journal(code)).map((e) => e.seq);
    if (
      !same(
        seqs,
        Array.from({ length: stored.version }, (_, i) => i + 1),
      )
    ) {
      problems.push(`${code}: journal seqs ${seqs} for version ${stored.version}`);
    }
    if (!same(await store.slip(code), stored.persisted.context.slip))
      problems.push(`${code}: slip rows differ`);
  }
  return problems;
}

/** Every broken invariant of the dossiers `codes` (all dossiers when omitted); empty when sound. */
export async function integrityProblems(store: DossierStore, codes?: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  const all = codes ?? (await store.list({})).map((s) => s.code);
  for (const code of all) {
    const stored = await store.load(code);
    if (!stored) {
      problems.push(`${code}: missing`);
      continue;
    }
    const journal = await store.journal(code);
    const seqs = journal.map((e) => e.seq);
    const expected = Array.from({ length: stored.version }, (_, i) => i + 1);
    if (!same(seqs, expected)) problems.push(`${code}: journal seqs ${seqs} for version ${stored.version}`);
    journal.forEach((e, i) => {
      if (i > 0 && e.before !== journal[i - 1]!.after)
        problems.push(`${code}: journal ${e.seq} starts elsewhere`);
    });
    const summary = summaryWithNationalStatus(stored.persisted, sampleProcedure().definition);
    if (journal.at(-1)?.after !== summary.state) problems.push(`${code}: journal ends in another state`);
    if (!same(stored.summary, summary)) problems.push(`${code}: summary is not the snapshot's`);
    try {
      if (!same(replayJournal(stored.persisted, journal), stored.persisted)) {
        problems.push(`${code}: the snapshot is not the replay of the journal`);
      }
    } catch (e) {
      problems.push(`${code}: the journal does not replay (${(e as Error).message})`);
    }
    if (!same(await store.slip(code), stored.persisted.context.slip)) {
      problems.push(`${code}: slip rows differ from the snapshot's`);
    }
    const derived = pendingDeadlines(stored.persisted.context, { calendar: testCalendar() })
      .map((d) => `${code}:${d.kind}${d.stepId ? `:${d.stepId}` : ''}:${d.at}`)
      .filter((id) => !stored.firedTimers.includes(id))
      .sort();
    const timers = (await store.timers(code)).map((t) => t.id).sort();
    if (!same(timers, derived))
      problems.push(`${code}: timers ${timers} but the snapshot implies ${derived}`);
  }
  return problems;
}
