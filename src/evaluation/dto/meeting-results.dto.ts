import { ApiProperty } from '@nestjs/swagger';
import { CommitteeMemberDto } from './draw.dto';

/** The tally's outcome: the applications that passed and failed (docs/rules.md 四.三.6). */
export class TallyResultDto {
  @ApiProperty({ type: [Number], description: 'application ids' }) passed!: number[];
  @ApiProperty({ type: [Number], description: 'application ids' }) failed!: number[];
}

/** A declared withdrawal (回避): who left the committee and who took the seat. */
export class WithdrawalResultDto {
  @ApiProperty({ type: CommitteeMemberDto }) withdrawn!: CommitteeMemberDto;
  @ApiProperty({ type: CommitteeMemberDto }) replacement!: CommitteeMemberDto;
}
