import { tableGaps } from '@motcua/core';
import { permanentResidence } from '@motcua/procedures';
const [residence] = permanentResidence.versions;
console.log('tableGaps:', JSON.stringify(tableGaps(residence!.machine)), '//', "[] for the standard lifecycle");

export {};
