import { formTitle } from '@motcua/core/forms';
console.log('formTitle:', JSON.stringify(formTitle('2025', 'receipt')), '//', "'GI\u1ea4Y TI\u1ebeP NH\u1eacN H\u1ed2 S\u01a0 V\u00c0 H\u1eb8N TR\u1ea2 K\u1ebeT QU\u1ea2'");

export {};
