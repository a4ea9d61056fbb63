import { localDateOf, parseLocalDate } from '@motcua/core/calendar';
console.log('localDateOf:', JSON.stringify(localDateOf(parseLocalDate('2026-03-02'))), '//', "'2026-03-02'");

export {};
