import { readFileSync } from 'node:fs';
import { parseStaffingScenario, runWhatIf } from '@motcua/core/simulation';
import { setup } from './centre-setup.js';

const made = setup(undefined);
const input = JSON.parse(readFileSync(new URL('./seed-centre.json', import.meta.url), 'utf8'));
const patch = process.argv[2] ? JSON.parse(process.argv[2]) : {};
const s = parseStaffingScenario({ ...input, ...patch });
const t0 = performance.now();
const r = await runWhatIf(s, { seeds: 2, setup: made });
const f = r.figures;
console.log(((performance.now() - t0) / 2).toFixed(0), 'ms/run');
for (const k of [
  'received',
  'resolved',
  'earlyPercent',
  'onTimePercent',
  'inProgressWithinTime',
  'inProgressOverdue',
  'waitMean',
  'withinPercent',
  'afterHoursPerDay',
  'unitWaitMean',
  'apologies',
  'progress766Percent',
] as const)
  console.log(k, f[k].mean.toFixed(1));
console.log(
  JSON.stringify(
    Object.fromEntries(
      Object.entries(r.fields).map(([k, v]) => [
        k,
        [v.waitMean.mean.toFixed(1), v.withinPercent.mean.toFixed(0), v.afterHoursPerDay.mean.toFixed(1)],
      ]),
    ),
  ),
);
