import { noticeLogConformanceSuite } from '../testing/notice-log-conformance.js';
import { MemoryNoticeLog } from './memory-notice-log.js';

noticeLogConformanceSuite('MemoryNoticeLog', { makeLog: () => new MemoryNoticeLog() });
