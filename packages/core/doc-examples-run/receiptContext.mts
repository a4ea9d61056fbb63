import { receiptContext, vietnamCalendar } from '@motcua/core';
import { CATALOGUE_CODES, catalogueSamples, permanentResidence } from '@motcua/procedures';
const [residence] = permanentResidence.versions;
const { applicant, application } = catalogueSamples[CATALOGUE_CODES.permanentResidence]!;
const context = receiptContext({ def: residence!.definition, calendar: vietnamCalendar() }, {
  code: '000.00.14.H56-260302-0001', secret: 'K7Q2M9', agency: '000.00.14.H56',
  receivedAt: '2026-03-02T09:00:00+07:00', channel: 'in-person',
  receivedBy: { officerId: 'desk-1', unitId: 'desk', name: 'Nguyễn Văn An', roles: [] }, applicant, application,
});
console.log('receiptContext:', JSON.stringify(console.log(context.due.legal)), '//', "the legal due time, counted in working time");

export {};
