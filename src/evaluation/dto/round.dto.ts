import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { code } from '../../common/validation.pipe';
import { LEVELS, type Level } from '../../common/qualifications';
import { DATE_SHAPE, DOCUMENT_NUMBER_PATTERN } from '../../common/formats';
import type { RoundEntity } from '../round.entity';
import { ROUND_STATES } from '../round-states';
import type { RoundWorkingDayDates } from '../round-working-day-dates';
import type { PublicationRejection } from '../rounds.service';

export class CreateRoundDto {
  @ApiProperty({ enum: LEVELS })
  @IsIn(LEVELS, { message: `level must be one of ${LEVELS.join(', ')}`, ...code('LEVEL_INVALID') })
  level!: Level;

  @ApiProperty({ example: 2026 })
  @IsInt({ message: 'year must be a whole number', ...code('EVALUATION_YEAR_INVALID') })
  @Min(2000, code('EVALUATION_YEAR_INVALID'))
  @Max(9999, code('EVALUATION_YEAR_INVALID'))
  year!: number;

  @ApiProperty({ example: '2026-12-18' })
  @IsString(code('DATE_INVALID'))
  @Matches(DATE_SHAPE, { message: 'meetingDate must be a date YYYY-MM-DD', ...code('DATE_INVALID') })
  meetingDate!: string;

  @ApiPropertyOptional({
    // Named: the union with null below would otherwise be reflected as an object.
    type: Number,
    example: 80,
    description: 'senior rounds only: the quantitative score a regular applicant must reach (三.四)',
  })
  @IsOptional()
  @IsNumber(
    { maxDecimalPlaces: 2 },
    { message: 'scoreThreshold must be a number with at most 2 decimal places', ...code('SCORE_THRESHOLD_INVALID') },
  )
  @Min(0, code('SCORE_THRESHOLD_INVALID'))
  @Max(999, code('SCORE_THRESHOLD_INVALID'))
  // @IsOptional lets an explicit null through: the service takes it as no threshold, as a missing one.
  scoreThreshold?: number | null;
}

export class PreEvaluationReportDto {
  @ApiProperty({
    example: '2026-12-04',
    description: 'the day the report reached HRSS: on or after the draw, at least 10 working days before the meeting',
  })
  @IsString(code('DATE_INVALID'))
  @Matches(DATE_SHAPE, { message: 'reportedOn must be a date YYYY-MM-DD', ...code('DATE_INVALID') })
  reportedOn!: string;
}

/** HRSS's approval (核准) of the pre-evaluation report, recorded by an HRSS officer. */
export class HrssApprovalDto {
  @ApiProperty({ example: '浙人社〔2026〕88号' })
  @IsString(code('DECISION_DOCUMENT_INVALID'))
  @Matches(DOCUMENT_NUMBER_PATTERN, {
    message: 'approvalDocument must look like 浙人社〔2026〕88号 (serial from 1, no leading zero)',
    ...code('DECISION_DOCUMENT_INVALID'),
  })
  approvalDocument!: string;

  @ApiProperty({ example: '2026-12-08', description: 'on or after the report, on or before the meeting' })
  @IsString(code('DATE_INVALID'))
  @Matches(DATE_SHAPE, { message: 'approvedOn must be a date YYYY-MM-DD', ...code('DATE_INVALID') })
  approvedOn!: string;
}

export class RoundResponseDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: LEVELS }) level!: string;
  @ApiProperty() year!: number;
  @ApiProperty() meetingDate!: string;
  @ApiProperty({ enum: ROUND_STATES }) state!: string;
  @ApiProperty({ type: Number, nullable: true }) scoreThreshold!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the draw seed, published before the draw' })
  commitment!: string | null;
  @ApiProperty({ type: String, nullable: true }) snapshotSha256!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'revealed after the draw' }) seed!: string | null;
  @ApiProperty({ type: String, nullable: true }) applicationsClosedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) drawnAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) reportedOn!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the AMR officer who recorded the report' })
  reportedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) hrssApprovalDocument!: string | null;
  @ApiProperty({ type: String, nullable: true }) hrssApprovedOn!: string | null;
  @ApiProperty({ type: [String], nullable: true, description: 'codes of the committee members present' }) attendance!:
    string[] | null;
  @ApiProperty({ type: String, nullable: true }) presidingCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) publicityStart!: string | null;
  @ApiProperty({ type: String, nullable: true }) publicityEnd!: string | null;
  @ApiProperty({ type: String, nullable: true }) jointDocument!: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedOn!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'who proposed the publication; in RESULTS_PUBLICISED, a proposal awaiting the other authority',
  })
  publicationProposedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['amr', 'hrss'] }) publicationProposedAuthority!: string | null;

  static from(r: RoundEntity): RoundResponseDto {
    return Object.assign(new RoundResponseDto(), {
      id: r.id,
      level: r.level,
      year: r.year,
      meetingDate: r.meetingDate,
      state: r.state,
      scoreThreshold: r.scoreThreshold === null ? null : Number(r.scoreThreshold),
      commitment: r.commitment,
      snapshotSha256: r.snapshotSha256,
      seed: r.seed,
      applicationsClosedOn: r.applicationsClosedOn,
      drawnAt: r.drawnAt,
      reportedOn: r.reportedOn,
      reportedBy: r.reportedBy,
      hrssApprovalDocument: r.hrssApprovalDocument,
      hrssApprovedOn: r.hrssApprovedOn,
      attendance: r.attendance === null ? null : (JSON.parse(r.attendance) as string[]),
      presidingCode: r.presidingCode,
      publicityStart: r.publicityStart,
      publicityEnd: r.publicityEnd,
      jointDocument: r.jointDocument,
      publishedOn: r.publishedOn,
      publicationProposedBy: r.publicationProposedBy,
      publicationProposedAuthority: r.publicationProposedAuthority,
    });
  }
}

export class PublicationRejectionRecordDto implements PublicationRejection {
  @ApiProperty({ type: String, nullable: true, description: 'the document number that was proposed' })
  jointDocument!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'the officer who turned it down' }) rejectedBy!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['amr', 'hrss'] }) rejectedAuthority!: string | null;
  @ApiProperty({ description: 'ISO 8601 instant' }) rejectedAt!: string;
}

/** A round with the dates the working-day calendar gives it: what the console's wizard shows. */
export class RoundDetailDto extends RoundResponseDto implements RoundWorkingDayDates {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the last day the report may reach HRSS: 10 working days before the meeting (四.三.4)',
  })
  preEvaluationReportLatest!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'the first end giving the results publicity 5 working days, from its start, else from today or the meeting date if later',
  })
  resultsPublicityEarliestEnd!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'working days of the recorded results publicity' })
  resultsPublicityWorkingDays!: number | null;

  @ApiProperty({
    type: () => PublicationRejectionRecordDto,
    nullable: true,
    description: 'the last proposal of the joint publication turned down, with the reason',
  })
  publicationRejection!: PublicationRejectionRecordDto | null;

  static withDates(
    r: RoundEntity,
    dates: RoundWorkingDayDates,
    publicationRejection: PublicationRejection | null,
  ): RoundDetailDto {
    return Object.assign(new RoundDetailDto(), RoundResponseDto.from(r), dates, { publicationRejection });
  }
}
