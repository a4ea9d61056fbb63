import { ApplicantSchema, maskPersonalData } from '@motcua/core';
const applicant = { fullName: 'Phạm Thị Dung', idNumber: '001190012345', phone: '0912345678' };
console.log('maskPersonalData:', JSON.stringify(console.log(maskPersonalData(ApplicantSchema, applicant))), '//', "every tagged field masked, safe to log");

export {};
