import { ApiProperty } from '@nestjs/swagger';
import type { CertificateEntity, CertificateStatus } from '../certificate.entity';
import { publicFacts } from '../public-facts';

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
    const { certificateNo, holderName, gender, idNumberMasked, employer, ...qualification } = publicFacts(certificate);
    return {
      certificateNo,
      status: certificate.status,
      holder: {
        name: holderName,
        gender,
        idNumberMasked,
        ...(options.withFullIdNumber ? { idNumber: certificate.idNumber } : {}),
        employer,
      },
      ...qualification,
      credential: JSON.parse(certificate.credential) as object,
    };
  }
}
