import { ApiProperty } from '@nestjs/swagger';
import { maskIdNumber } from '../../common/id-number';
import type { CertificateEntity, CertificateStatus } from '../certificate.entity';
import { LEVEL_NAMES, SPECIALTY_NAMES } from '../qualifications';

export class CertificateHolderDto {
  @ApiProperty() name!: string;
  @ApiProperty() gender!: string;
  @ApiProperty({ description: 'First 3 and last 4 characters only' }) idNumberMasked!: string;
  @ApiProperty({ required: false, description: 'Full ID number: office responses only' }) idNumber?: string;
  @ApiProperty() employer!: string;
}

/** A certificate as the office sees it. */
export class CertificateResponseDto {
  @ApiProperty({ example: 'ZJZ2026000001' }) certificateNo!: string;
  @ApiProperty({ enum: ['VALID', 'REVOKED'] }) status!: CertificateStatus;
  @ApiProperty({ type: CertificateHolderDto }) holder!: CertificateHolderDto;
  @ApiProperty() level!: string;
  @ApiProperty({ example: '正高级工程师' }) levelName!: string;
  @ApiProperty() specialty!: string;
  @ApiProperty({ example: '计量' }) specialtyName!: string;
  @ApiProperty() evaluationYear!: number;
  @ApiProperty() passedOn!: string;
  @ApiProperty() approvalDocument!: string;
  @ApiProperty({ example: ['amr', 'hrss'] }) issuers!: string[];
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ description: 'RFC 7515 General JWS JSON Serialization, see docs/credential.md' })
  credential!: object;

  static from(certificate: CertificateEntity, options: { withFullIdNumber: boolean }): CertificateResponseDto {
    return {
      certificateNo: certificate.certificateNo,
      status: certificate.status,
      holder: {
        name: certificate.holderName,
        gender: certificate.gender,
        idNumberMasked: maskIdNumber(certificate.idNumber),
        ...(options.withFullIdNumber ? { idNumber: certificate.idNumber } : {}),
        employer: certificate.employer,
      },
      level: certificate.level,
      levelName: LEVEL_NAMES[certificate.level],
      specialty: certificate.specialty,
      specialtyName: SPECIALTY_NAMES[certificate.specialty],
      evaluationYear: certificate.evaluationYear,
      passedOn: certificate.passedOn,
      approvalDocument: certificate.approvalDocument,
      issuers: ['amr', 'hrss'],
      issuedAt: certificate.issuedAt,
      credential: JSON.parse(certificate.credential) as object,
    };
  }
}
