import type { CertificateEntity } from '../certificates/certificate.entity';
import { LEVEL_NAMES, SPECIALTY_NAMES } from '../certificates/qualifications';
import { chinaDate } from '../common/clock';
import type { CertificateLayout, FieldName } from './certificate-layout';

/** The record's facts a certificate page prints; everything else stays in the registry. */
export type PrintedCertificate = Pick<
  CertificateEntity,
  'certificateNo' | 'holderName' | 'gender' | 'idNumber' | 'employer' | 'level' | 'specialty' | 'passedOn' | 'approvalDocument' | 'issuedAt'
>;

/** 2026-11-20 → 2026年11月20日 */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const DIGITS = '〇一二三四五六七八九';

function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
}

/** 2026-11-27 → 二〇二六年十一月二十七日, as dated under an official signature block. */
export function chineseNumeralDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  const year = [...y].map((digit) => DIGITS[Number(digit)]).join('');
  return `${year}年${chineseNumber(Number(m))}月${chineseNumber(Number(d))}日`;
}

/** Every printable field's text, by the names the layout uses. */
export function certificateFields(certificate: PrintedCertificate, layout: CertificateLayout): Record<FieldName, string> {
  const issuedOn = chinaDate(new Date(certificate.issuedAt));
  return {
    holderName: certificate.holderName,
    gender: certificate.gender,
    // The holder's own document: the full number, as on a paper certificate (downloaded only with name and ID).
    idNumber: certificate.idNumber,
    employer: certificate.employer,
    qualification: LEVEL_NAMES[certificate.level],
    specialty: SPECIALTY_NAMES[certificate.specialty],
    committee: layout.levels[certificate.level].committee,
    passedOn: chineseDate(certificate.passedOn),
    approvalDocument: certificate.approvalDocument,
    certificateNo: certificate.certificateNo,
    issuedOn: chineseDate(issuedOn),
    issuedOnNumerals: chineseNumeralDate(issuedOn),
  };
}

/** Fills `{field}` placeholders of a layout text. */
export function fillPlaceholders(text: string, fields: Record<FieldName, string>): string {
  return text.replace(/\{(\w+)\}/g, (_whole, name: string) => fields[name as FieldName]);
}
