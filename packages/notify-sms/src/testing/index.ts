export {
  type NoticeLogSuiteOptions,
  noticeLogConformanceSuite,
  sampleNoticeRecord,
} from './notice-log-conformance.js';
