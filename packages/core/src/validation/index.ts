export { parseOrThrow, zodIssues } from './zod-issues.js';
