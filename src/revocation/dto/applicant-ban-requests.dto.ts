import { ApiProperty, PickType } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_ID } from '../../common/id-param.pipe';
import { code } from '../../common/validation.pipe';
import { ProposeRevocationDto } from './decision-requests.dto';

const ID_RANGE = { message: `must be a whole number from 1 to ${MAX_ID}`, ...code('VALIDATION_FAILED') };

/**
 * A ban of an applicant of a round who holds no certificate (docs/revocation.md, Applicant
 * bans): the subject is the application; the reason, facts and decision are checked as for a
 * revocation. Always a serious case: only a serious case bans (docs/rules.md 四.四.3).
 */
export class ProposeApplicantBanDto extends PickType(ProposeRevocationDto, [
  'reasonCategory',
  'description',
  'decisionDocument',
  'decisionDate',
] as const) {
  @ApiProperty({ example: 1 })
  @IsInt({ message: 'roundId must be a whole number', ...code('VALIDATION_FAILED') })
  @Min(1, { ...ID_RANGE, message: `roundId ${ID_RANGE.message}` })
  @Max(MAX_ID, { ...ID_RANGE, message: `roundId ${ID_RANGE.message}` })
  roundId!: number;

  @ApiProperty({ example: 1, description: 'An application of that round' })
  @IsInt({ message: 'applicationId must be a whole number', ...code('VALIDATION_FAILED') })
  @Min(1, { ...ID_RANGE, message: `applicationId ${ID_RANGE.message}` })
  @Max(MAX_ID, { ...ID_RANGE, message: `applicationId ${ID_RANGE.message}` })
  applicationId!: number;
}
