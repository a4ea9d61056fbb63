import { defaultPaper } from '@motcua/core/forms';
console.log('defaultPaper:', JSON.stringify(defaultPaper('receipt')), '//', "'A5'");
console.log('defaultPaper:', JSON.stringify(defaultPaper('trackingBook')), '//', "'A4-landscape'");

export {};
