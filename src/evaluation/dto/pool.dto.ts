import { ApiProperty } from '@nestjs/swagger';
import { LEVELS } from '../../common/qualifications';
import type { PoolSummary } from '../pools.service';

export class PoolSummaryDto implements PoolSummary {
  @ApiProperty({ enum: LEVELS }) level!: PoolSummary['level'];
  @ApiProperty({ type: String, nullable: true }) reviewedOn!: string | null;
  @ApiProperty({ description: 'not reviewed for over 3 years (三.二.2)' }) reviewOverdue!: boolean;
  @ApiProperty() members!: number;
  @ApiProperty({ description: 'the date eligibility is counted at' }) at!: string;
  @ApiProperty() eligible!: number;
  @ApiProperty({ type: Object, description: 'eligible members per specialty' }) eligibleBySpecialty!: Record<
    string,
    number
  >;
  @ApiProperty() eligibleExternal!: number;
  @ApiProperty() chairCandidates!: number;
  @ApiProperty() viceChairCandidates!: number;
  @ApiProperty({ description: 'at least 50 eligible members' }) drawable!: boolean;

  static from(summary: PoolSummary): PoolSummaryDto {
    return Object.assign(new PoolSummaryDto(), summary);
  }
}
