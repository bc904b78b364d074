import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';
import type { CaseState } from '../decision-case.entity';

export const CASE_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STATE_OF_STATUS: Record<CaseStatus, CaseState> = {
  pending: 'PROPOSED',
  confirmed: 'CONFIRMED',
  rejected: 'REJECTED',
};

export class CaseListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES, description: 'default: every status' })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: `status must be one of ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus;
}

/** A revocation or reinstatement case as a row of the console's list. */
export class CaseListItemDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'ZJZ2026000001' }) certificateNo!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null if the certificate record is missing' })
  holderName!: string | null;
  @ApiProperty() proposedBy!: string;
  @ApiProperty({ enum: ['amr', 'hrss'] }) proposedAuthority!: string;
  @ApiProperty({ description: 'ISO-8601 instant' }) proposedAt!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty() decisionDocument!: string;
  @ApiProperty() effectiveDate!: string;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['amr', 'hrss'] }) decidedAuthority!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
}

export class CaseListDto {
  @ApiProperty({ type: [CaseListItemDto] }) items!: CaseListItemDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'pass as `before` for the next page; null on the last' })
  nextBefore!: number | null;
}

/** An applicant-ban case as a row of the console's list (ID number masked). */
export class ApplicantBanListItemDto {
  @ApiProperty() id!: number;
  @ApiProperty() roundId!: number;
  @ApiProperty() name!: string;
  @ApiProperty() idNumberMasked!: string;
  @ApiProperty() employer!: string;
  @ApiProperty() proposedBy!: string;
  @ApiProperty({ enum: ['amr', 'hrss'] }) proposedAuthority!: string;
  @ApiProperty() proposedAt!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty() decisionDocument!: string;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['amr', 'hrss'] }) decidedAuthority!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
}

export class ApplicantBanListDto {
  @ApiProperty({ type: [ApplicantBanListItemDto] }) items!: ApplicantBanListItemDto[];
  @ApiProperty({ type: Number, nullable: true }) nextBefore!: number | null;
}

/** One status a certificate took: issued, then revoked and reinstated by joint decisions. */
export class CertificateHistoryEntryDto {
  @ApiProperty({ enum: ['ISSUED', 'REVOKED', 'REINSTATED'] }) event!: 'ISSUED' | 'REVOKED' | 'REINSTATED';
  @ApiProperty({ enum: ['VALID', 'REVOKED'] }) status!: string;
  @ApiProperty({ description: 'the date the status took effect (YYYY-MM-DD, China time)' }) effectiveDate!: string;
  @ApiProperty({ description: 'when it was recorded (ISO-8601 instant)' }) recordedAt!: string;
  @ApiProperty({ description: 'the joint approval document, or the decision document of the case' })
  document!: string;
  @ApiProperty({ type: String, nullable: true }) decisionDate!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'the revocation or reinstatement case' })
  caseId!: number | null;
}

export class CertificateHistoryDto {
  @ApiProperty() certificateNo!: string;
  @ApiProperty({ enum: ['VALID', 'REVOKED'] }) status!: string;
  @ApiProperty({ type: [CertificateHistoryEntryDto], description: 'oldest first' })
  entries!: CertificateHistoryEntryDto[];
}
