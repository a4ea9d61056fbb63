import { agencyToken } from '@motcua/core/liaison-nats';
console.log('agencyToken:', JSON.stringify(agencyToken('cong-an-xa')), '//', "'cong-an-xa'");
console.log('agencyToken:', JSON.stringify(agencyToken('000.00.14.H56')), '//', "dots escaped: one subject token");

export {};
