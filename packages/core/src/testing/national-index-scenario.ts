import type { DossierSummary } from '../model/dossier-summary.js';
import type { DossierIndexFacts } from '../model/index-facts.js';
import type { CommitRequest } from '../store/store-types.js';
import { newDossierCommit } from './fixtures.js';

/** The period of {@link nationalIndexScenario}: March 2026 in Asia/Ho_Chi_Minh. */
export const INDEX_SCENARIO_PERIOD = {
  from: '2026-02-28T17:00:00.000Z',
  to: '2026-03-31T17:00:00.000Z',
} as const;

const NO_FACTS: DossierIndexFacts = {
  version: 1,
  finishedAt: null,
  endAt: null,
  supplementRequests: 0,
  supplementMs: 0,
  lastRequestAt: null,
  lastSuppliedAt: null,
  processingMs: null,
  returnProcessingMs: null,
  results: 0,
  eResult: false,
  feeBearing: false,
  paidOnline: 0,
  digitised: false,
  reused: false,
  nationalStore: false,
  populationData: false,
  satisfied: null,
};

interface Row {
  n: string;
  agency: string;
  procedure: string;
  holder?: string;
  channel?: DossierSummary['channel'];
  state?: string;
  received: string;
  due: string;
  closed?: { at: string; outcome: NonNullable<DossierSummary['outcome']>; result: DossierSummary['result'] };
  facts: Partial<DossierIndexFacts> | null;
}

const H = 3_600_000;
const D = 24 * H;

/**
 * The dossiers of the hand-checked national index scenario (24 dossiers, agencies A, B and C,
 * procedures P1 and P2), each written with a summary whose index facts are given by hand: every
 * edge rule of the national counting (finished before due but returned late, two supplementation
 * requests, waiting on one request at the period's end, open within and past due, refused,
 * withdrawn late, stopped, expired, carried over, finished before the period but returned in it,
 * received after it, an online filing never accepted, a dossier stored before the facts were kept).
 * The expected counts are in the conformance suite and the figures in core's tests, by hand.
 */
export function nationalIndexScenario(): CommitRequest[] {
  const t = (s: string) => `2026-${s}:00.000Z`;
  const rows: Row[] = [
    {
      n: '01',
      agency: 'A',
      procedure: 'P1',
      received: t('03-02T02:00'),
      due: t('03-12T10:00'),
      closed: { at: t('03-10T03:00'), outcome: 'returned', result: 'EARLY' },
      facts: {
        finishedAt: t('03-09T03:00'),
        endAt: t('03-09T03:00'),
        processingMs: 7 * D + H,
        returnProcessingMs: 8 * D + H,
        results: 1,
        eResult: true,
        digitised: true,
        satisfied: true,
      },
    },
    {
      n: '02',
      agency: 'A',
      procedure: 'P1',
      received: t('03-02T02:00'),
      due: t('03-12T10:00'),
      closed: { at: t('03-13T03:00'), outcome: 'returned', result: 'LATE' },
      facts: {
        finishedAt: t('03-11T09:00'),
        endAt: t('03-11T09:00'),
        processingMs: 9 * D + 7 * H,
        returnProcessingMs: 11 * D + H,
        results: 1,
      },
    },
    {
      n: '03',
      agency: 'A',
      procedure: 'P1',
      received: t('03-03T02:00'),
      due: t('03-20T10:00'),
      closed: { at: t('03-10T08:00'), outcome: 'returned', result: 'EARLY' },
      facts: {
        finishedAt: t('03-10T02:00'),
        endAt: t('03-10T02:00'),
        supplementRequests: 2,
        supplementMs: 2 * D,
        lastRequestAt: t('03-06T02:00'),
        lastSuppliedAt: t('03-07T02:00'),
        processingMs: 5 * D,
        returnProcessingMs: 5 * D + 6 * H,
        results: 1,
        eResult: true,
        satisfied: false,
      },
    },
    {
      n: '04',
      agency: 'A',
      procedure: 'P1',
      received: t('03-20T02:00'),
      due: t('03-30T10:00'),
      facts: { supplementRequests: 1, lastRequestAt: t('03-25T02:00') },
    },
    {
      n: '05',
      agency: 'A',
      procedure: 'P1',
      holder: 'cadastre',
      received: t('03-05T02:00'),
      due: t('03-20T10:00'),
      facts: {},
    },
    {
      n: '06',
      agency: 'A',
      procedure: 'P1',
      holder: 'cadastre',
      received: t('03-25T02:00'),
      due: t('04-08T10:00'),
      facts: {},
    },
    {
      n: '07',
      agency: 'A',
      procedure: 'P2',
      channel: 'online-full',
      received: t('03-04T02:00'),
      due: t('03-10T10:00'),
      closed: { at: t('03-06T05:00'), outcome: 'returned', result: 'EARLY' },
      facts: {
        finishedAt: t('03-06T02:00'),
        endAt: t('03-06T02:00'),
        processingMs: 2 * D,
        returnProcessingMs: 2 * D + 3 * H,
        results: 1,
        eResult: true,
        feeBearing: true,
        paidOnline: 1,
        nationalStore: true,
        populationData: true,
        digitised: true,
        satisfied: true,
      },
    },
    {
      n: '08',
      agency: 'A',
      procedure: 'P2',
      channel: 'online-partial',
      received: t('03-04T03:00'),
      due: t('03-14T10:00'),
      closed: { at: t('03-12T04:00'), outcome: 'returned', result: 'EARLY' },
      facts: {
        finishedAt: t('03-12T03:00'),
        endAt: t('03-12T03:00'),
        processingMs: 8 * D,
        returnProcessingMs: 8 * D + H,
        results: 1,
        feeBearing: true,
        paidOnline: 2,
        populationData: true,
        satisfied: true,
      },
    },
    {
      n: '09',
      agency: 'A',
      procedure: 'P2',
      channel: 'online-full',
      received: t('03-28T02:00'),
      due: t('04-05T10:00'),
      facts: { feeBearing: true },
    },
    {
      n: '10',
      agency: 'B',
      procedure: 'P1',
      received: t('03-10T02:00'),
      due: t('03-20T10:00'),
      closed: { at: t('03-12T02:00'), outcome: 'refused', result: 'EARLY' },
      facts: { endAt: t('03-12T02:00'), populationData: true },
    },
    {
      n: '11',
      agency: 'B',
      procedure: 'P1',
      received: t('03-10T02:00'),
      due: t('03-20T10:00'),
      closed: { at: t('03-25T02:00'), outcome: 'withdrawn', result: null },
      facts: { endAt: t('03-25T02:00') },
    },
    {
      n: '12',
      agency: 'B',
      procedure: 'P1',
      received: t('03-11T02:00'),
      due: t('03-21T10:00'),
      closed: { at: t('03-15T02:00'), outcome: 'stopped', result: null },
      facts: { endAt: t('03-15T02:00') },
    },
    {
      n: '13',
      agency: 'B',
      procedure: 'P1',
      received: t('03-02T02:00'),
      due: t('03-25T10:00'),
      closed: { at: t('03-20T02:00'), outcome: 'expired', result: null },
      facts: { supplementRequests: 1, lastRequestAt: t('03-05T02:00') },
    },
    {
      n: '14',
      agency: 'B',
      procedure: 'P2',
      received: t('02-20T02:00'),
      due: t('03-05T10:00'),
      closed: { at: t('03-06T02:00'), outcome: 'returned', result: 'LATE' },
      facts: {
        finishedAt: t('03-04T02:00'),
        endAt: t('03-04T02:00'),
        processingMs: 12 * D,
        returnProcessingMs: 14 * D,
        satisfied: false,
      },
    },
    {
      n: '15',
      agency: 'B',
      procedure: 'P2',
      received: t('02-01T02:00'),
      due: t('02-10T10:00'),
      closed: { at: t('02-06T02:00'), outcome: 'returned', result: 'EARLY' },
      facts: {
        finishedAt: t('02-05T02:00'),
        endAt: t('02-05T02:00'),
        processingMs: 4 * D,
        returnProcessingMs: 5 * D,
      },
    },
    {
      n: '16',
      agency: 'B',
      procedure: 'P2',
      received: t('02-10T02:00'),
      due: t('02-25T10:00'),
      closed: { at: t('03-02T02:00'), outcome: 'returned', result: 'LATE' },
      facts: {
        finishedAt: t('02-20T02:00'),
        endAt: t('02-20T02:00'),
        processingMs: 10 * D,
        returnProcessingMs: 20 * D,
      },
    },
    { n: '17', agency: 'A', procedure: 'P1', received: t('04-02T02:00'), due: t('04-12T10:00'), facts: {} },
    {
      n: '18',
      agency: 'B',
      procedure: 'P1',
      channel: 'online-full',
      state: 'submitted',
      received: t('03-10T02:00'),
      due: t('03-20T10:00'),
      facts: {},
    },
    {
      n: '19',
      agency: 'C',
      procedure: 'P2',
      received: t('03-15T02:00'),
      due: t('03-25T10:00'),
      closed: { at: t('03-20T02:00'), outcome: 'returned', result: 'EARLY' },
      facts: null,
    },
    {
      n: '21',
      agency: 'A',
      procedure: 'P1',
      received: t('03-15T02:00'),
      due: t('04-10T10:00'),
      facts: { digitised: true, reused: true },
    },
    {
      n: '22',
      agency: 'A',
      procedure: 'P2',
      received: t('03-16T02:00'),
      due: t('03-26T10:00'),
      closed: { at: t('03-18T03:00'), outcome: 'returned', result: 'EARLY' },
      facts: {
        finishedAt: t('03-18T02:00'),
        endAt: t('03-18T02:00'),
        processingMs: 2 * D,
        returnProcessingMs: 2 * D + H,
        results: 1,
        digitised: true,
        feeBearing: true,
        satisfied: true,
      },
    },
    { n: '23', agency: 'A', procedure: 'P2', received: t('03-20T02:00'), due: t('04-01T10:00'), facts: {} },
    {
      n: '24',
      agency: 'B',
      procedure: 'P2',
      state: 'resultReady',
      received: t('03-20T02:00'),
      due: t('03-27T10:00'),
      facts: {
        finishedAt: t('03-28T02:00'),
        endAt: t('03-28T02:00'),
        processingMs: 8 * D,
        results: 1,
        eResult: true,
      },
    },
  ];
  return rows.map((r) => {
    const c = newDossierCommit(`H56-260302-01${r.n}`);
    const { indexFacts: _omit, ...base } = c.dossier.summary;
    const summary: DossierSummary = {
      ...base,
      agency: r.agency,
      procedureCode: r.procedure,
      holder: r.holder ?? 'desk',
      channel: r.channel ?? 'in-person',
      state: r.state ?? (r.closed ? r.closed.outcome : base.state),
      status: r.closed ? 'done' : 'active',
      receivedAt: r.received,
      legalDueAt: r.due,
      currentDueAt: r.due,
      closedAt: r.closed?.at ?? null,
      outcome: r.closed?.outcome ?? null,
      result: r.closed?.result ?? null,
      ...(r.facts === null ? {} : { indexFacts: { ...NO_FACTS, ...r.facts } }),
    };
    return { ...c, dossier: { ...c.dossier, summary } };
  });
}
