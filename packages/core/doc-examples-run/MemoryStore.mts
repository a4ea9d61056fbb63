import { createEngine, MemoryStore, vietnamCalendar } from '@motcua/core';
import { createCatalogue } from '@motcua/procedures';
const store = new MemoryStore(); // nothing survives the process: tests, simulations, demos
const calendar = vietnamCalendar();
const engine = createEngine({ store, procedures: createCatalogue({ calendar }), calendar, agency: 'H56' });

export {};
