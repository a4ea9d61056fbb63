export { type Deadline, type DeadlineOptions, pendingDeadlines } from './deadlines.js';
