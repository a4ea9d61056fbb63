import { isTransientPostgresError } from '@motcua/sql/postgres';
console.log('isTransientPostgresError:', JSON.stringify(isTransientPostgresError(Object.assign(new Error('terminating connection'), { code: '57P01' }))), '//', "true");
console.log('isTransientPostgresError:', JSON.stringify(isTransientPostgresError(Object.assign(new Error('duplicate key'), { code: '23505' }))), '//', "false");

export {};
