import { laneCount } from '../../../../tools/test-lane/lane.js';
import { storeConformanceSuite } from '../testing/store-conformance.js';
import { MemoryStore } from './memory-store.js';

storeConformanceSuite('memory', {
  makeStore: async () => new MemoryStore(),
  fuzzRuns: laneCount(150, 30),
});
