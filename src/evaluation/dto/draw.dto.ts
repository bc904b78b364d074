import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { code } from '../../common/validation.pipe';

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

export class DrawnMemberDto {
  @ApiProperty() code!: string;
  @ApiProperty() specialty!: string;
  @ApiProperty({ enum: ['chair', 'vice-chair', 'member'] }) role!: string;
}

export class CommitteeMemberDto extends DrawnMemberDto {
  @ApiProperty() name!: string;
  @ApiProperty() affiliation!: string;
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
  @ApiProperty({ type: String, nullable: true, description: 'revealed after the draw' }) seed!: string | null;
  @ApiProperty({ type: String, nullable: true }) drawnAt!: string | null;
  @ApiProperty({ type: [DrawnMemberDto], nullable: true }) committee!: DrawnMemberDto[] | null;
}

export class DrawCheckDto {
  @ApiProperty() commitmentMatches!: boolean;
  @ApiProperty() snapshotMatches!: boolean;
  @ApiProperty() committeeMatches!: boolean;
  @ApiProperty() matches!: boolean;
}
