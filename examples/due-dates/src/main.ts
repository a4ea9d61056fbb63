/**
 * The main job for now: the due dates of a few sample dossiers, computed with the national
 * civil-service calendar (Tết, swap days, make-up Saturdays, 24/11), and why one of them is what it is.
 */
import { vietnamCalendar } from '@motcua/core';
import { SAMPLE_DOSSIERS } from './sample-dossiers.js';

const calendar = vietnamCalendar();
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

console.log('motcua — due dates of sample dossiers (Asia/Ho_Chi_Minh, sessions 07:30–11:30, 13:00–17:00)\n');
console.log(`${pad('Procedure', 62)} ${pad('Received', 17)} ${pad('Limit', 40)} Due`);
for (const d of SAMPLE_DOSSIERS) {
  const due = calendar.dueDate(d.receivedAt, d.limit);
  console.log(
    `${pad(d.procedure, 62)} ${pad(calendar.format(d.receivedAt), 17)} ${pad(JSON.stringify(d.limit), 40)} ${calendar.format(due)}`,
  );
}

const tricky = SAMPLE_DOSSIERS[1]!;
console.log(`\nWhy "${tricky.procedure}" is due when it is:\n`);
console.log(calendar.explain(tricky.receivedAt, tricky.limit).text);
