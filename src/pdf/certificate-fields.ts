import { issuedOn, type CertificateEntity } from '../certificates/certificate.entity';
import { chineseDate, chineseNumeralDate } from '../common/china-dates';
import { LEVEL_NAMES, SPECIALTY_NAMES } from '../common/qualifications';
import { AUTHORITY_IDS, AUTHORITY_NAMES } from '../keys/authority';
import type { CertificateLayout, FieldName } from './certificate-layout';

/** The record's facts a certificate page prints; everything else stays in the registry. */
export type PrintedCertificate = Pick<
  CertificateEntity,
  | 'certificateNo'
  | 'holderName'
  | 'gender'
  | 'idNumber'
  | 'employer'
  | 'level'
  | 'specialty'
  | 'passedOn'
  | 'approvalDocument'
  | 'issuedAt'
>;

/** Every printable field's text, by the names the layout uses. */
export function certificateFields(
  certificate: PrintedCertificate,
  layout: CertificateLayout,
): Record<FieldName, string> {
  const issuedDate = issuedOn(certificate);
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
    issuedOn: chineseDate(issuedDate),
    issuedOnNumerals: chineseNumeralDate(issuedDate),
    // The order of src/keys/authority.ts, as on the verification page.
    issuers: issuerNames().join('、'),
  };
}

/** The issuing authorities' full names, in the one order used everywhere (AMR first). */
export function issuerNames(): string[] {
  return AUTHORITY_IDS.map((authority) => AUTHORITY_NAMES[authority].zh);
}

/** Fills `{field}` placeholders of a layout text. */
export function fillPlaceholders(text: string, fields: Record<FieldName, string>): string {
  return text.replace(/\{(\w+)\}/g, (_whole, name: string) => fields[name as FieldName]);
}
