/** The main job's texts in English (`--lang en`): see {@link JobLabels}. */
import { nationalStatusName, PORTAL_DOSSIER_STATUSES } from '@motcua/core';
import type { JobLabels } from './labels.js';

const number = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits });
const fixed = (n: number, digits: number) =>
  n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percent = (share: number) => `${fixed(share * 100, 1)}%`;
const date = (day: string) => day;
/** A national status code with its name in core's table, in English. */
const status = (code: number) => {
  const name = nationalStatusName(PORTAL_DOSSIER_STATUSES, code, 'en');
  return name === undefined ? '?' : `${code} ${name}`;
};
const pad = (n: number, width: number) => number(n).padStart(width);
const timeliness = { EARLY: 'early', ON_TIME: 'on time', LATE: 'late' } as const;

/** The English labels. */
export const EN: JobLabels = {
  language: 'en',
  number,
  fixed,
  percent,
  percentValue: (v) => `${number(v, 2)}%`,
  name: (names) => names.en ?? names.vi,
  status,
  actors: { system: 'system (automatic)', public: 'applicant (online)' },
  date,
  channel: {
    'in-person': 'in person',
    'online-full': 'online (full)',
    'online-partial': 'online (partial)',
    postal: 'postal',
  },
  timeliness,
  originals: { sent: 'sent', received: 'received', returned: 'returned' },
  na: 'N/A',
  naReason: (na) => {
    switch (na.kind) {
      case 'no-sync-state':
        return 'the store keeps no sync state';
      case 'zero-denominator':
        return 'zero denominator';
      case 'facts-missing':
        return `${number(na.dossiers)} dossier(s) stored before the index facts were kept`;
      case 'no-points':
        return 'earns no points';
      case 'weight-unconfirmed':
        return 'weight not confirmed';
    }
  },

  console: {
    noVersionInForce: (liaison, day) =>
      `liaison ${liaison} has no version in force on ${day}: it gets no arrivals`,
    title: 'motcua — a simulated month at a provincial service centre',
    run: (o) =>
      `  ${number(o.days)} days from ${o.start}, about ${number(o.perDay)} dossiers per working day, seed ${o.seed}, store: ${o.store}`,
    procedures: (names) => `  ${names.length} procedures: ${names.join('; ')}`,
    liaisons:
      '  liaisons (một cửa liên thông): "3 in 1" birth (khai sinh – thường trú – thẻ BHYT), death (khai tử – xóa thường trú – mai táng phí)\n',
    day: (d) => {
      const rate = d.timelyShare === null ? '' : `${percent(d.timelyShare)} on time`;
      const l = d.liaison
        ? `  liaison ${pad(d.liaison.received, 3)} in, ${pad(d.liaison.handoffs, 3)} parts out`
        : '';
      return `  ${d.date}  received ${pad(d.received, 4)}  resolved ${pad(d.resolved, 4)} ${rate.padStart(16)}  open ${pad(d.open, 5)}${l}`;
    },
    reportHead: (start, days, drain) =>
      `Report ${start} + ${days} days (and ${drain} days to finish open dossiers)`,
    received: 'received',
    byChannel: 'by channel',
    resolved: 'resolved',
    early: 'early',
    onTime: 'on time',
    late: 'late',
    refused: 'refused',
    withdrawn: 'withdrawn',
    inProgress: 'in progress',
    inProgressDetail: (overdue) => `within time, ${number(overdue)} overdue`,
    liaisonParents: 'liaison parents',
    liaisonOutcomes: (o) =>
      `closed complete ${number(o.complete)}, partial ${number(o.partial)}, refused ${number(o.refused)}`,
    partsHandedOff: 'parts handed off',
    toAgencies: (n) => `to ${n} agencies:`,
    part: (m) =>
      `${pad(m.handedOff, 5)} handed off  ${number(m.early)} early, ${number(m.onTime)} on time, ${number(m.late)} late; ${number(m.refused)} refused, ${number(m.supplemented)} supplemented, ${number(m.apologized)} apologised`,
    commands: (commands, seconds) => `  ${number(commands)} commands in ${fixed(seconds, 1)} s\n`,
    whatIfHead: (field, seeds) =>
      `Staffing what-if at the busiest desk field (${field}), mean over ${seeds} seeds [95% CI]:`,
    whatIfVariant: (v) =>
      `  ${v.name.padEnd(20)} mean wait ${fixed(v.wait.mean, 1).padStart(5)} min [${fixed(v.wait.low, 1)}–${fixed(v.wait.high, 1)}], ` +
      `P90 ${fixed(v.p90, 1).padStart(5)} min, within 15 min ${fixed(v.withinPercent, 1).padStart(5)}%, ` +
      `served after hours ${fixed(v.afterHoursPerDay, 2)} a day`,
    showcase: 'Showcase dossier',
    online: 'Online filing',
    crossBoundary: 'Cross-boundary',
    provinceProcess: 'Province process',
    feeRevenue: 'Fee revenue',
    lateEntries: 'Late entries',
    form06: 'Form 06',
    portalSync: 'Portal sync',
    nationalStatus: 'National status',
    index766: 'Index 766',
    ratings: 'Ratings',
    lateEntry: (r) =>
      `${r.unit}: ${number(r.late)} of ${number(r.entries)} entered over an hour late (longest ${fixed(r.hours, 1)} h)`,
    none: 'none',
    output: 'Output',
    outputFiles: (o) =>
      `  report.html, documents/ (${number(o.documents)} files), sms.jsonl (${number(o.notices)} notices)${o.store ? `, ${o.store}` : ''}${o.agencies ? `, agencies/ (${o.agencies} stores)` : ''}`,
  },

  facts: {
    showcase: (s) =>
      `${s.statuses}; ${number(s.components)} components recorded, ${number(s.results)} result document, returned by post, originals returned, ${s.rated ? 'rated' : 'not rated'}`,
    paid: (vnd) => `paid VND ${number(vnd)} on the national portal`,
    crossBoundary: (c) =>
      `received at ${c.receiving} for ${c.competent}; original ${c.moves.map((m) => EN.originals[m]).join(', ')} (arrival ${c.arrival ? timeliness[c.arrival] : 'no transfer budget'})`,
    provinceProcess: (p) =>
      `${p.name}, steps from ${p.source}; ${p.waitedForPayment ? 'phase 2 refused until paid' : 'phase 2 did not wait'}; returned ${p.result ? timeliness[p.result] : '—'}`,
    step: (s) => `${s.name} (${s.unit}, phase ${s.phase})`,
    feeRevenue: (r) =>
      `${number(r.payments)} payments, VND ${number(r.collectedVnd)} collected (fees VND ${number(r.feeVnd)}, charges VND ${number(r.chargeVnd)}; online VND ${number(r.onlineVnd)}), VND ${number(r.refundedVnd)} refunded`,
    portalSync: (p) =>
      `${number(p.synced)} of ${number(p.received)} received dossiers on the portal (indicator 1.4: ${p.ratio === null ? 'N/A' : percent(p.ratio)}); ` +
      `lag p50 ${number(p.lagP50Minutes)} min, p99 ${number(p.lagP99Minutes)} min (simulated time); ` +
      `${number(p.records)} records, ${number(p.duplicates)} duplicates, ${number(p.deadLetters)} dead letters, through a portal failing 8% of calls`,
    ratings: (r) =>
      `${number(r.rated)} of ${number(r.returned)} returned dossiers rated publicly; ${percent(r.satisfiedShare)} satisfied overall`,
  },

  whatIf: {
    fields: {
      'tu-phap-ho-tich': 'justice – civil status',
      'cu-tru': 'residence',
      'dat-dai': 'land',
      'doanh-nghiep': 'enterprises',
      'bhxh-y-te': 'social and health insurance',
      'ly-lich-tu-phap': 'criminal records',
    },
    variant: (officers, current) =>
      `${officers} officer${officers === 1 ? '' : 's'}${current ? ' (now)' : ''}`,
  },

  documents: {
    kind: { plain: 'plain', supplemented: 'supplemented', apology: 'apology' },
    form01: (kind) => `Form 01 (${kind})`,
    form02: 'Form 02',
    form04: 'Form 04',
    controlSlip: 'control slip',
    liaisonForm01: (liaison) => `Form 01 (liaison ${liaison})`,
    liaisonSlip: 'control slip of the liaison (desk ⇄ agencies)',
    partSlip: (part, agency) => `control slip of the ${part} part at ${agency}`,
    trackingBook: (n) => `Tracking book (first ${n} dossiers)`,
    form06: (period) => `Form 06/VPCP/KSTT – ${period}`,
  },

  liaisonNames: { birth: '3 in 1 (birth)', death: 'death' },

  index: {
    head: 'Index 766',
    title: 'Index 766 (Decision 766/QĐ-TTg)',
    version: 'index version',
    rule: { national: 'national portal rule', 'at-return': 'at-return rule' },
    ruleIn: { national: 'counted by the national portal’s rule', 'at-return': 'counted at return' },
    noDossier: 'no dossier',
    group: (g) => `group ${g}`,
    incomplete: 'incomplete',
    points: 'points',
    days: 'days',
    dossiers: 'dossiers',
    note: 'A group’s points are the sum of the points computed; "incomplete" when an indicator has none.',
    groupColumn: 'Group',
    pointsColumn: 'Points',
    idColumn: 'Indicator',
    nameColumn: 'Name',
    valueColumn: 'Value (numerator/denominator)',
  },

  form06: {
    line: 'Form 06',
    title: (period, first, last) => `Form 06/VPCP/KSTT – ${period} (${first} to ${last})`,
    totals: (t) =>
      `received ${number(t.received)} (carried over ${number(t.carriedOver)}, online ${number(t.online)}, ` +
      `in person and postal ${number(t.inPersonOrPostal)}); resolved ${number(t.resolved)} ` +
      `(early ${number(t.early)}, on time ${number(t.onTime)}, late ${number(t.late)}); ` +
      `in progress ${number(t.inProgress)} (within time ${number(t.within)}, overdue ${number(t.overdue)})`,
    rows: {
      received: 'Dossiers received',
      carriedOver: '— carried over',
      online: '— newly received online',
      inPersonOrPostal: '— newly received in person or by public postal service',
      resolved: 'Dossiers resolved',
      early: '— early',
      onTime: '— on time',
      late: '— late',
      inProgress: 'Dossiers in progress',
      within: '— within time',
      overdue: '— overdue',
    },
    printable: 'Printable Form 06 (by field and procedure)',
  },

  html: {
    title: 'Report on dossier handling — provincial public administrative service centre (simulated)',
    period: (first, last, seed) => `${first} – ${last}, seed ${seed}`,
    report: 'Dossier handling',
    carriedOver: 'Carried over',
    received: 'Received',
    resolved: 'Resolved',
    early: 'Early',
    onTime: 'On time',
    late: 'Late',
    refused: 'Refused',
    withdrawn: 'Withdrawn',
    inProgressWithin: 'In progress, within time',
    inProgressOverdue: 'In progress, overdue',
    byChannel: 'Received by channel',
    channel: 'Channel',
    dossiers: 'Dossiers',
    byProcedure: 'By procedure',
    procedure: 'Procedure',
    open: 'Open',
    liaison: 'Liaisons',
    liaisonSummary: (l) =>
      `${number(l.parents)} parent dossiers received at the desk, ${number(l.handoffs)} parts handed off to the member agencies; ` +
      `closed: ${number(l.complete)} complete, ${number(l.partial)} partial, ${number(l.refused)} refused.`,
    liaisonColumn: 'Liaison',
    parts: 'Parts by member agency (against each part’s own due time)',
    part: 'Part',
    agency: 'Agency',
    handedOff: 'Handed off',
    supplemented: 'Supplemented',
    apologized: 'Apologised',
    nationalStatus: 'Dossiers by status on the National Public Service Portal',
    code: 'Code',
    status: 'Status',
    ratings: 'Ratings at return',
    criterion: 'Criterion',
    meanScore: 'Mean score (0–2)',
    showcase: 'One dossier through every national fact',
    showcaseNote:
      'Components: digitised papers, a population-database lookup that found nothing, then the paper; a result document with its electronic copy.',
    online: 'Online filings',
    onlineNote: `Filed on the national portal: each gets its code at submission (${status(1)}) and is received when the desk accepts it.`,
    nationalStatuses: 'National statuses',
    payment: 'Payment',
    crossBoundary: 'Cross-boundary reception',
    crossBoundaryNote: 'Each move of the paper original is a handover on the control slip.',
    provinceProcess: 'A procedure imported from a province’s process table',
    provinceDossier: 'Dossier',
    feeRevenue: 'Fees and charges collected (the sample dossiers)',
    lateEntries: 'Late entries (over one hour)',
    unit: 'Unit',
    entries: 'Entries',
    lateColumn: 'Late',
    longestDelay: 'Longest delay',
    hours: (h) => `${fixed(h, 1)} h`,
    portalSync: 'Sync with the National Public Service Portal (simulated)',
    portalSynced: 'Received dossiers on the portal (indicator 1.4)',
    portalLag: 'Lag from commit to acknowledgement, p50 / p99 (simulated time)',
    portalRecords: 'Records on the portal; duplicates',
    portalDead: 'Dead letters; unsynced',
    minutes: (n) => `${number(n)} min`,
    dailyRate: 'Daily on-time rate',
    noneResolved: 'No dossier was resolved in the period.',
    dayRate: (day, share, resolved) => `${day}: ${percent(share)} of ${number(resolved)}`,
    documents: 'Documents',
  },
};
