import { formatCount } from '@motcua/core/forms';
console.log('formatCount:', JSON.stringify(formatCount(3)), '//', "'03'");

export {};
