import { classifyTimeliness, vietnamCalendar } from '@motcua/core';
const calendar = vietnamCalendar();
const due = new Date('2026-03-11T17:00:00+07:00');
console.log('classifyTimeliness:', JSON.stringify(classifyTimeliness(new Date('2026-03-10T09:00:00+07:00'), due, calendar)), '//', "'EARLY'");
console.log('classifyTimeliness:', JSON.stringify(classifyTimeliness(new Date('2026-03-11T16:30:00+07:00'), due, calendar)), '//', "'ON_TIME'");
console.log('classifyTimeliness:', JSON.stringify(classifyTimeliness(new Date('2026-03-12T08:00:00+07:00'), due, calendar)), '//', "'LATE'");

export {};
