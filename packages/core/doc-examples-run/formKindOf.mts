import { formKindOf } from '@motcua/core/forms';
console.log('formKindOf:', JSON.stringify(formKindOf('2025', '01')), '//', "'receipt'");

export {};
