import { describeTimeLimit } from '@motcua/core/forms';
console.log('describeTimeLimit:', JSON.stringify(describeTimeLimit({ workingDays: 7 })), '//', "'07 ng\u00e0y l\u00e0m vi\u1ec7c'");
console.log('describeTimeLimit:', JSON.stringify(describeTimeLimit({ sameDay: true })), '//', "'Trong ng\u00e0y'");

export {};
