import { simulate } from '../src/simulation/simulate.js';
import { setup } from '../bench/province-year.setup.js';
const t = performance.now();
const r = await simulate({ start: '2026-01-05', seed: 2026, days: 10, arrivals: { perWorkingDay: 4000 }, ...setup(), mode: 'direct' });
console.log(r.received, r.commands, ((performance.now() - t) / 1000).toFixed(1), 's', Math.round(r.received / (r.elapsedMs / 1000)), '/s');
