import { ApiProperty } from '@nestjs/swagger';
import type { CertificateStatus } from '../../certificates/certificate.entity';
import { LEVELS, SPECIALTIES } from '../../common/qualifications';

/** Why and when a certificate was revoked: the public facts of the revocation decision. */
export class RegistryRevocationDto {
  @ApiProperty({ example: '2027-03-01', description: 'Date the revocation took effect (YYYY-MM-DD)' })
  revokedOn!: string;
  @ApiProperty({ example: 'fraud', description: 'Reason category code' }) reasonCategory!: string;
  @ApiProperty({ example: '弄虚作假', description: 'Reason category in Chinese' }) reasonCategoryName!: string;
  @ApiProperty({ example: '浙市监人〔2027〕3号', description: 'Number of the revocation decision document' })
  decisionDocument!: string;
  @ApiProperty({ example: '2027-02-20', description: 'Date of the decision (YYYY-MM-DD)' }) decisionDate!: string;
}

/**
 * A certificate as the public registry shows it. The ID number appears only masked to its
 * first 3 and last 4 characters; the full number is never in a public response.
 */
export class RegistryCertificateDto {
  @ApiProperty({ example: 'ZJZ2026000001' }) certificateNo!: string;
  @ApiProperty({ example: '张三' }) holderName!: string;
  @ApiProperty({ enum: ['男', '女'] }) gender!: string;
  @ApiProperty({ example: '330***********1272', description: 'First 3 and last 4 characters only' })
  idNumberMasked!: string;
  @ApiProperty({ example: '浙江省计量科学研究院' }) employer!: string;
  @ApiProperty({ enum: LEVELS }) level!: string;
  @ApiProperty({ example: '正高级工程师' }) levelName!: string;
  @ApiProperty({ enum: SPECIALTIES }) specialty!: string;
  @ApiProperty({ example: '计量' }) specialtyName!: string;
  @ApiProperty({ example: 2026 }) evaluationYear!: number;
  @ApiProperty({ example: '2026-11-20' }) passedOn!: string;
  @ApiProperty({ example: '浙市监人〔2026〕12号' }) approvalDocument!: string;
  @ApiProperty({ example: ['amr', 'hrss'] }) issuers!: string[];
  @ApiProperty({ example: '2026-11-27T02:00:00.000Z' }) issuedAt!: string;
  @ApiProperty({ enum: ['VALID', 'REVOKED'] }) status!: CertificateStatus;
  @ApiProperty({
    type: RegistryRevocationDto,
    nullable: true,
    description: 'Set when the status is REVOKED and the decision is on record',
  })
  revocation!: RegistryRevocationDto | null;
}
