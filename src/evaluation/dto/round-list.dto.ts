import { ApiProperty } from '@nestjs/swagger';
import { LEVELS } from '../../common/qualifications';
import type { RoundEntity } from '../round.entity';
import { ROUND_STATES } from '../round-states';
import { IssuanceReportDto } from './results.dto';

/** A round as a row of the console's list. */
export class RoundListItemDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: LEVELS }) level!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ROUND_STATES }) state!: string;
  @ApiProperty() meetingDate!: string;

  static from(r: RoundEntity): RoundListItemDto {
    return { id: r.id, level: r.level, year: r.year, state: r.state, meetingDate: r.meetingDate };
  }
}

export class RoundListDto {
  @ApiProperty({ type: [RoundListItemDto] }) items!: RoundListItemDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'pass as `before` for the next page; null on the last' })
  nextBefore!: number | null;
}

/** Where a round's issuance stands, also while a run is under way (poll it). */
export class IssuanceProgressDto extends IssuanceReportDto {
  @ApiProperty({ description: 'certificates of the round that exist so far' }) done!: number;
  @ApiProperty({ description: 'a run is under way in this server; created counts only such a run' })
  running!: boolean;
}
