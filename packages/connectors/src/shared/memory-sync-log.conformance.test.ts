/** The memory sync log keeps the rules every sync log keeps. */
import { syncLogConformanceSuite } from '../testing/sync-log-conformance.js';
import { MemorySyncLog } from './memory-sync-log.js';

syncLogConformanceSuite('MemorySyncLog', { makeLog: () => new MemorySyncLog() });
