import { ApiProperty } from '@nestjs/swagger';
import type { DecisionCaseEntity } from '../decision-case.entity';
import { REASON_CATEGORIES, ReasonCategory } from '../reason-categories';

export class DecisionCaseResponseDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ['REVOCATION', 'REINSTATEMENT'] }) kind!: string;
  @ApiProperty({ enum: ['PROPOSED', 'CONFIRMED', 'REJECTED'] }) state!: string;
  @ApiProperty() certificateNo!: string;
  @ApiProperty({ nullable: true }) reasonCategory!: string | null;
  @ApiProperty({ nullable: true }) reasonCategoryName!: string | null;
  @ApiProperty() description!: string | null;
  @ApiProperty() decisionDocument!: string;
  @ApiProperty() decisionDate!: string;
  @ApiProperty() effectiveDate!: string;
  @ApiProperty() serious!: boolean;
  @ApiProperty({ nullable: true }) reversesCaseId!: number | null;
  @ApiProperty() proposedBy!: string;
  @ApiProperty() proposedAuthority!: string;
  @ApiProperty() proposedAt!: string;
  @ApiProperty({ nullable: true }) decidedBy!: string | null;
  @ApiProperty({ nullable: true }) decidedAuthority!: string | null;
  @ApiProperty({ nullable: true }) decidedAt!: string | null;
  @ApiProperty({ nullable: true }) rejectionReason!: string | null;

  static from(c: DecisionCaseEntity): DecisionCaseResponseDto {
    return {
      id: c.id,
      kind: c.kind,
      state: c.state,
      certificateNo: c.certificateNo,
      reasonCategory: c.reasonCategory,
      reasonCategoryName: c.reasonCategory ? REASON_CATEGORIES[c.reasonCategory as ReasonCategory] : null,
      description: c.description,
      decisionDocument: c.decisionDocument,
      decisionDate: c.decisionDate,
      effectiveDate: c.effectiveDate,
      serious: Boolean(c.serious),
      reversesCaseId: c.reversesCaseId,
      proposedBy: c.proposedBy,
      proposedAuthority: c.proposedAuthority,
      proposedAt: c.proposedAt,
      decidedBy: c.decidedBy,
      decidedAuthority: c.decidedAuthority,
      decidedAt: c.decidedAt,
      rejectionReason: c.rejectionReason,
    };
  }
}
