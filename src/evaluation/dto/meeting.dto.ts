import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Matches, Min, ValidateNested } from 'class-validator';
import { code } from '../../common/validation.pipe';

const MEMBER_CODE = /^[A-Za-z0-9-]{1,32}$/;

export class AttendanceDto {
  @ApiProperty({
    type: [String],
    example: ['Z003', 'Z011'],
    description: 'codes of the committee members present at the vote',
  })
  @IsArray({ message: 'present must be a list of member codes', ...code('VALIDATION_FAILED') })
  @ArrayMaxSize(201, code('VALIDATION_FAILED'))
  @IsString({ each: true, ...code('VALIDATION_FAILED') })
  @Matches(MEMBER_CODE, {
    each: true,
    message: 'each member code is 1–32 letters, digits or dashes',
    ...code('VALIDATION_FAILED'),
  })
  present!: string[];
}

const COUNT = (field: string) => ({ message: `${field} must be a whole number from 0`, ...code('VALIDATION_FAILED') });

/**
 * The counted ballots on one applicant: totals only (四.三.5 无记名投票). A count that is not a
 * whole number from 0 is malformed (400); counts that do not add up to the members present are
 * TALLY_MISMATCH (422, checkTally).
 */
export class TallyLineDto {
  @ApiProperty() @IsInt(code('VALIDATION_FAILED')) applicationId!: number;
  @ApiProperty({ minimum: 0 }) @IsInt(COUNT('yes')) @Min(0, COUNT('yes')) yes!: number;
  @ApiProperty({ minimum: 0 }) @IsInt(COUNT('no')) @Min(0, COUNT('no')) no!: number;
  @ApiProperty({ minimum: 0, description: 'abstentions, blank and spoiled ballots' })
  @IsInt(COUNT('abstain'))
  @Min(0, COUNT('abstain'))
  abstain!: number;
}

export class TallyDto {
  @ApiProperty({ type: [TallyLineDto], description: 'one line per eligible applicant' })
  @IsArray({ message: 'tallies must be a list', ...code('VALIDATION_FAILED') })
  @ArrayMinSize(1, code('VALIDATION_FAILED'))
  @ArrayMaxSize(20000, code('VALIDATION_FAILED'))
  @ValidateNested({ each: true })
  @Type(() => TallyLineDto)
  tallies!: TallyLineDto[];
}

export class ConfirmationDto {
  @ApiProperty({ description: 'the chair or a vice-chair who presided and signs the result (四.三.5)' })
  @IsString(code('PRESIDING_MEMBER_INVALID'))
  @Matches(MEMBER_CODE, { message: 'presidingCode is a member code', ...code('PRESIDING_MEMBER_INVALID') })
  presidingCode!: string;
}
