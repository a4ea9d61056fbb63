import { parseDossierCode } from '@motcua/core';
console.log('parseDossierCode:', JSON.stringify(parseDossierCode('000.00.14.H56-200203-0118')), '//', "{ agency: '000.00.14.H56', date: '2020-02-03', sequence: 118 }");

export {};
