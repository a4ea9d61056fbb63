import { testCalendar } from '@motcua/core/testing';
console.log('testCalendar:', JSON.stringify(testCalendar().isWorkingDay('2026-02-17')), '//', "false: T\u1ebft");

export {};
