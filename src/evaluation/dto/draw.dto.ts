import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { DATE_SHAPE } from '../../common/formats';
import { code } from '../../common/validation.pipe';
import { HasNoInvisibleCharacters } from '../../common/visible-text.validator';

export class CommitmentDto {
  @ApiProperty({ description: 'SHA-256 (hex) of the secret seed: `printf %s "$SEED" | sha256sum`', example: '5f0c…' })
  @IsString(code('COMMITMENT_INVALID'))
  @Matches(/^[0-9a-f]{64}$/, {
    message: 'commitment must be 64 lowercase hex characters',
    ...code('COMMITMENT_INVALID'),
  })
  commitment!: string;

  @ApiProperty({ example: 25, description: 'odd, at least 25 (三.二.3)' })
  @IsInt({ message: 'committeeSize must be an integer', ...code('COMMITTEE_SIZE_INVALID') })
  committeeSize!: number;

  @ApiProperty({ example: 2, description: 'vice-chairs (副主任委员) besides the chair' })
  @IsInt({ message: 'viceChairs must be an integer', ...code('VALIDATION_FAILED') })
  @Min(1, code('VALIDATION_FAILED'))
  @Max(6, code('VALIDATION_FAILED'))
  viceChairs!: number;
}

export class RevealDto {
  @ApiProperty({ description: 'the seed committed to: 64 lowercase hex characters (32 random bytes)' })
  @IsString(code('SEED_INVALID'))
  @Matches(/^[0-9a-f]{64}$/, { message: 'seed must be 64 lowercase hex characters', ...code('SEED_INVALID') })
  seed!: string;
}

/**
 * The public witness (docs/evaluation.md): a value the office cannot know when it commits, such
 * as a lottery's winning numbers, published on or after the commitment's day.
 */
export class WitnessDto {
  @ApiProperty({
    example: '03 09 14 21 27 33 + 08',
    description: '1–64 visible characters, hashed exactly as given (NFC)',
  })
  @IsString(code('DRAW_WITNESS_INVALID'))
  @HasNoInvisibleCharacters(code('DRAW_WITNESS_INVALID'))
  @Length(1, 64, { message: 'value must be 1 to 64 characters', ...code('DRAW_WITNESS_INVALID') })
  @Matches(/^\S(.*\S)?$/u, { message: 'value must not start or end with a space', ...code('DRAW_WITNESS_INVALID') })
  value!: string;

  @ApiProperty({ example: '中国福利彩票 双色球 2026138期 开奖号码', description: 'where the value was published' })
  @IsString(code('DRAW_WITNESS_INVALID'))
  @HasNoInvisibleCharacters(code('DRAW_WITNESS_INVALID'))
  @Length(2, 200, { message: 'source must be 2 to 200 characters', ...code('DRAW_WITNESS_INVALID') })
  source!: string;

  @ApiProperty({
    example: '2026-12-01',
    description: 'the day it was published: not before the commitment, not in the future',
  })
  @IsString(code('DATE_INVALID'))
  @Matches(DATE_SHAPE, { message: 'publishedOn must be a date YYYY-MM-DD', ...code('DATE_INVALID') })
  publishedOn!: string;
}

/** A member's declared withdrawal (回避) before the meeting. */
export class WithdrawalDto {
  @ApiProperty({ example: 'Z017', description: "the member's code" })
  @IsString()
  @Length(1, 32, { message: 'code must be 1 to 32 characters' })
  code!: string;

  @ApiProperty({
    example: '申报人系本人指导的研究生',
    description: 'the declared reason, 2–200 characters (office only)',
  })
  @IsString(code('WITHDRAWAL_REASON_INVALID'))
  @HasNoInvisibleCharacters(code('WITHDRAWAL_REASON_INVALID'))
  @Length(2, 200, { message: 'reason must be 2 to 200 characters', ...code('WITHDRAWAL_REASON_INVALID') })
  reason!: string;
}

export class DrawnMemberDto {
  @ApiProperty() code!: string;
  @ApiProperty() specialty!: string;
  @ApiProperty({ enum: ['chair', 'vice-chair', 'member'] }) role!: string;
}

export class CommitteeMemberDto extends DrawnMemberDto {
  @ApiProperty() name!: string;
  @ApiProperty() affiliation!: string;
}

export class ConflictDto {
  @ApiProperty() code!: string;
  @ApiProperty({ description: "the applicant's name (never the ID number)" }) applicant!: string;
  @ApiProperty({ description: 'the employer the expert shares with the applicant' }) employer!: string;
}

export class WithdrawalRecordDto {
  @ApiProperty() code!: string;
  @ApiProperty() specialty!: string;
  @ApiProperty({ enum: ['chair', 'vice-chair', 'member'] }) role!: string;
  @ApiProperty({ enum: ['same-employer', 'declared'] }) reason!: string;
  @ApiProperty({ type: String, nullable: true, description: 'same-employer: the applicant' }) applicant!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'same-employer: the shared employer' })
  employer!: string | null;
  @ApiProperty({ description: 'the code of the member who took the seat' }) replacedBy!: string;
  @ApiProperty() recordedAt!: string;
}

export class WitnessRecordDto {
  @ApiProperty() value!: string;
  @ApiProperty() source!: string;
  @ApiProperty() publishedOn!: string;
  @ApiProperty() recordedAt!: string;
}

/** Everything a third party needs to recompute a draw (docs/evaluation.md). */
export class DrawRecordDto {
  @ApiProperty() roundId!: number;
  @ApiProperty() level!: string;
  @ApiProperty() year!: number;
  @ApiProperty() commitment!: string;
  @ApiProperty() committedAt!: string;
  @ApiProperty({ description: 'SHA-256 of `snapshotText`' }) snapshotSha256!: string;
  @ApiProperty({ description: 'the canonical pool snapshot, exactly as hashed' }) snapshotText!: string;
  @ApiProperty({ description: 'the seat plan: committeeSize, viceChairs, seats per specialty' }) seatPlan!: object;
  @ApiProperty({ type: [ConflictDto], description: 'experts sharing the employer of an applicant of their specialty' })
  conflicts!: ConflictDto[];
  @ApiProperty({ type: WitnessRecordDto, nullable: true, description: 'recorded after the commitment' })
  witness!: WitnessRecordDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'revealed after the draw' }) seed!: string | null;
  @ApiProperty({ type: String, nullable: true }) drawnAt!: string | null;
  @ApiProperty({ type: [DrawnMemberDto], nullable: true, description: 'as drawn, before any withdrawal' })
  committee!: DrawnMemberDto[] | null;
  @ApiProperty({ type: [WithdrawalRecordDto], description: 'in order: automatic at the draw, then declared' })
  withdrawals!: WithdrawalRecordDto[];
  @ApiProperty({ type: [DrawnMemberDto], nullable: true, description: 'the committee that sits, in seat order' })
  sitting!: DrawnMemberDto[] | null;
}

export class DrawCheckDto {
  @ApiProperty() commitmentMatches!: boolean;
  @ApiProperty() snapshotMatches!: boolean;
  @ApiProperty() committeeMatches!: boolean;
  @ApiProperty() withdrawalsMatch!: boolean;
  @ApiProperty() matches!: boolean;
}
