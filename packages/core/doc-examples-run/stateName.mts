import { stateName } from '@motcua/core';
console.log('stateName:', JSON.stringify(stateName({ processing: 'appraise' })), '//', "'processing.appraise'");
console.log('stateName:', JSON.stringify(stateName('returned')), '//', "'returned'");

export {};
