import type { PrintedCertificate } from './certificate-fields';

/**
 * The certificate the warm-up render prints at start (never served): long values in every
 * field, so the first real download meets fonts, layout and signing code already warmed.
 */
export const WARM_UP_CERTIFICATE: PrintedCertificate = {
  certificateNo: 'ZJZ2026000000',
  holderName: '欧阳娜娜',
  gender: '女',
  idNumber: '33010219800101128X',
  employer: '浙江省特种设备科学研究院湖州分院承压设备检验检测技术研究中心',
  level: 'professor',
  specialty: 'special-equipment',
  passedOn: '2026-11-20',
  approvalDocument: '浙市监人〔2026〕12号',
  issuedAt: '2026-11-27T02:00:00.000Z',
};

/** A verification address of a real token's length (~650 characters: QR version 20). */
export const WARM_UP_URL = `https://zs.example.test/v#${'A'.repeat(104)}.${'B'.repeat(250)}.${'C'.repeat(86)}~${'D'.repeat(104)}..${'E'.repeat(86)}`;
