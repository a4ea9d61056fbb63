import { noticeLogConformanceSuite } from '../testing/notice-log-conformance.js';
import { MemoryNoticeLog } from './notice-log.js';

noticeLogConformanceSuite('MemoryNoticeLog', { makeLog: () => new MemoryNoticeLog() });
