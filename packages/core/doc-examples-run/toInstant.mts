import { toInstant } from '@motcua/core';
console.log('toInstant:', JSON.stringify(toInstant(new Date('2026-03-02T09:30:00+07:00'))), '//', "'2026-03-02T02:30:00.000Z'");

export {};
