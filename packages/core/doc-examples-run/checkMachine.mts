import { checkMachine } from '@motcua/core';
import { permanentResidence } from '@motcua/procedures';
const [procedure] = permanentResidence.versions;
console.log('checkMachine:', JSON.stringify(checkMachine(procedure!.machine, { table: true })), '//', "[] when the compiled table runs every transition");

export {};
