import { maskIdNumber } from '../common/id-number';
import { LEVEL_NAMES, SPECIALTY_NAMES } from '../common/qualifications';
import type { CertificateEntity } from './certificate.entity';

/** The facts of a certificate anyone may see: the registry, the verification API and office replies. */
export interface PublicCertificateFacts {
  certificateNo: string;
  holderName: string;
  gender: string;
  idNumberMasked: string;
  employer: string;
  level: string;
  levelName: string;
  specialty: string;
  specialtyName: string;
  evaluationYear: number;
  passedOn: string;
  approvalDocument: string;
  issuers: string[];
  issuedAt: string;
}

/** The record fields the public facts come from (the registry's lookup reads only these). */
export type PublicFactsSource =
  | 'certificateNo'
  | 'holderName'
  | 'gender'
  | 'idNumber'
  | 'employer'
  | 'level'
  | 'specialty'
  | 'evaluationYear'
  | 'passedOn'
  | 'approvalDocument'
  | 'issuedAt';

/** A record's public facts, in the order every response lists them. */
export function publicFacts(record: Pick<CertificateEntity, PublicFactsSource>): PublicCertificateFacts {
  return {
    certificateNo: record.certificateNo,
    holderName: record.holderName,
    gender: record.gender,
    // The full ID number never leaves the office: first 3 and last 4 characters only.
    idNumberMasked: maskIdNumber(record.idNumber),
    employer: record.employer,
    level: record.level,
    levelName: LEVEL_NAMES[record.level],
    specialty: record.specialty,
    specialtyName: SPECIALTY_NAMES[record.specialty],
    evaluationYear: record.evaluationYear,
    passedOn: record.passedOn,
    approvalDocument: record.approvalDocument,
    issuers: ['amr', 'hrss'],
    issuedAt: record.issuedAt,
  };
}
