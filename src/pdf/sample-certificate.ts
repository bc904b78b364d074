import { createHash } from 'node:crypto';
import type { PrintedCertificate } from './certificate-fields';

/**
 * The certificate the warm-up render prints at start (never served), and the one the PDF
 * benchmark times: long values in every field, so the first real download meets fonts, layout
 * and signing code already warmed, and the benchmark measures the worst common case.
 */
export const SAMPLE_CERTIFICATE: PrintedCertificate = {
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

/** Deterministic base64url text, so the QR code's modules vary as a real token's do. */
function base64url(seed: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += createHash('sha512').update(`${seed}${i}`).digest('base64url');
  return out.slice(0, length);
}

/** A verification address of a real token's shape and about its longest length (~650 characters: QR version 20). */
export const SAMPLE_URL = `https://zs.example.test/v#${base64url('h1', 104)}.${base64url('p', 250)}.${base64url('s1', 86)}~${base64url('h2', 104)}..${base64url('s2', 86)}`;
