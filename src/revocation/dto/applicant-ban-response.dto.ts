import { ApiProperty } from '@nestjs/swagger';
import { maskIdNumber } from '../../common/id-number';
import type { ApplicantBanEntity } from '../applicant-ban.entity';
import { REASON_CATEGORIES, ReasonCategory } from '../reason-categories';

/** A case as officers see it; the ID number masked, as on the round's application list. */
export class ApplicantBanResponseDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ['PROPOSED', 'CONFIRMED', 'REJECTED'] }) state!: string;
  @ApiProperty() roundId!: number;
  @ApiProperty() applicationId!: number;
  @ApiProperty() evaluationYear!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'masked to the first 3 and last 4 characters' }) idNumberMasked!: string;
  @ApiProperty({ description: 'The employer criticised in the notice (通报批评)' }) employer!: string;
  @ApiProperty() reasonCategory!: string;
  @ApiProperty() reasonCategoryName!: string;
  @ApiProperty() description!: string;
  @ApiProperty() decisionDocument!: string;
  @ApiProperty() decisionDate!: string;
  @ApiProperty({ description: 'In force once confirmed: inclusive dates' }) ban!: { from: string; until: string };
  @ApiProperty() proposedBy!: string;
  @ApiProperty() proposedAuthority!: string;
  @ApiProperty() proposedAt!: string;
  @ApiProperty({ nullable: true }) decidedBy!: string | null;
  @ApiProperty({ nullable: true }) decidedAuthority!: string | null;
  @ApiProperty({ nullable: true }) decidedAt!: string | null;
  @ApiProperty({ nullable: true }) rejectionReason!: string | null;

  static from(c: ApplicantBanEntity): ApplicantBanResponseDto {
    return {
      id: c.id,
      state: c.state,
      roundId: c.roundId,
      applicationId: c.applicationId,
      evaluationYear: c.evaluationYear,
      name: c.name,
      idNumberMasked: maskIdNumber(c.idNumber),
      employer: c.employer,
      reasonCategory: c.reasonCategory,
      reasonCategoryName: REASON_CATEGORIES[c.reasonCategory as ReasonCategory] ?? '',
      description: c.description,
      decisionDocument: c.decisionDocument,
      decisionDate: c.decisionDate,
      ban: { from: c.fromDate, until: c.untilDate },
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
