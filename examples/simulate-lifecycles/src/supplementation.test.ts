/**
 * Supplementation as configured: a share of the dossiers is asked for papers during processing,
 * the clock stops while the applicant gathers them, and the time limit restarts from the complete
 * dossier (the catalogue's rule, Decree 61 art. 19(4)).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { allDossiers, runOffice } from './office.js';

const base = { start: '2026-04-20', days: 21, seed: 7, perWorkingDay: 20 } as const;
let configured: Awaited<ReturnType<typeof runOffice>>;

beforeAll(async () => {
  configured = await runOffice({ ...base, behaviour: { supplementShare: 0.25 } });
}, 60_000);

describe('supplementation', () => {
  it('appears in about the configured share of dossiers, each asked once and answered', async () => {
    const dossiers = await allDossiers(configured.engine);
    const asked = dossiers.filter((d) => d.supplements.length > 0);
    const share = asked.length / dossiers.length;
    // About 230 dossiers: 0.25 ± 0.1 is more than three standard deviations either way.
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.35);
    for (const d of asked) {
      expect(d.supplements, d.code).toHaveLength(1); // maxRequests: 1
      expect(d.supplements[0]!.receivedAt, d.code).not.toBeNull();
      const kinds = d.slip.map((r) => r.kind);
      expect(kinds.indexOf('supplement-request'), d.code).toBeLessThan(kinds.indexOf('supplement-received'));
    }
  });

  it('restarts the legal time limit from the complete dossier', async () => {
    const { engine } = configured;
    let checked = 0;
    for (const d of await allDossiers(engine)) {
      const answered = d.supplements[0]?.receivedAt;
      if (!answered) continue;
      checked++;
      const { timeLimit } = engine.procedures.get(d.procedure.code, d.procedure.version).definition;
      expect(d.due.legal, d.code).toBe(engine.calendar.dueDate(new Date(answered), timeLimit).toISOString());
      // Nothing went overdue while the clock was stopped.
      if (d.overdue) expect(Date.parse(d.overdue.at), d.code).toBeGreaterThan(Date.parse(answered));
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('none when the share is 0; more than the default when it is 0.25', async () => {
    const none = await allDossiers((await runOffice({ ...base, behaviour: { supplementShare: 0 } })).engine);
    expect(none.filter((d) => d.supplements.length > 0)).toHaveLength(0);
    const byDefault = await allDossiers((await runOffice(base)).engine);
    const asked = (ds: typeof none) => ds.filter((d) => d.supplements.length > 0).length;
    expect(asked(byDefault)).toBeGreaterThan(0);
    expect(asked(await allDossiers(configured.engine))).toBeGreaterThan(2 * asked(byDefault));
  });
});
