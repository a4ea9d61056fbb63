import { secretMatches } from '@motcua/core';
console.log('secretMatches:', JSON.stringify(secretMatches('K7Q2M9', 'K7Q2M9')), '//', "true, in constant time");

export {};
