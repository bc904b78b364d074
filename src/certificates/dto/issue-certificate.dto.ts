import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DATE_SHAPE, DOCUMENT_NUMBER_PATTERN, PERSON_NAME } from '../../common/formats';
import { code } from '../../common/validation.pipe';
import {
  HasNoInvisibleCharacters,
  HasNoMisplacedMarks,
  HasNoPictographs,
  IsNotFormula,
} from '../../common/visible-text.validator';
import { LEVELS, SPECIALTIES, type Level, type Specialty } from '../../common/qualifications';

const NO_CONTROL = /^[^\p{C}]*$/u;

export class HolderDto {
  @ApiProperty({ example: '张三' })
  @IsString(code('NAME_INVALID'))
  @HasNoInvisibleCharacters(code('NAME_INVALID'))
  @HasNoMisplacedMarks(code('NAME_INVALID'))
  @MinLength(1, code('NAME_INVALID'))
  @MaxLength(40, code('NAME_INVALID'))
  @Matches(PERSON_NAME, {
    message: 'name must be letters (a middle dot allowed), without control characters or surrounding spaces',
    ...code('NAME_INVALID'),
  })
  name!: string;

  @ApiProperty({ enum: ['男', '女'] })
  @IsIn(['男', '女'], { message: 'gender must be 男 or 女', ...code('GENDER_INVALID') })
  gender!: '男' | '女';

  @ApiProperty({ example: '330102198001011272', description: 'GB 11643 resident ID number' })
  @IsString(code('ID_NUMBER_INVALID'))
  @Matches(/^\d{17}[\dX]$/, {
    message: 'idNumber must be 18 characters: 17 digits and a digit or X',
    ...code('ID_NUMBER_INVALID'),
  })
  idNumber!: string;

  @ApiProperty({ example: '浙江省计量科学研究院' })
  @IsString(code('EMPLOYER_INVALID'))
  @HasNoInvisibleCharacters(code('EMPLOYER_INVALID'))
  @HasNoPictographs(code('EMPLOYER_INVALID'))
  @IsNotFormula(code('EMPLOYER_INVALID'))
  @MinLength(2, code('EMPLOYER_INVALID'))
  @MaxLength(100, code('EMPLOYER_INVALID'))
  @Matches(NO_CONTROL, { message: 'employer must not contain control characters', ...code('EMPLOYER_INVALID') })
  @Matches(/^\S(.*\S)?$/su, { message: 'employer must not start or end with spaces', ...code('EMPLOYER_INVALID') })
  employer!: string;
}

export class IssueCertificateDto {
  @ApiProperty({ type: HolderDto })
  @IsDefined({ message: 'holder is required', ...code('VALIDATION_FAILED') })
  @IsObject({ message: 'holder must be an object', ...code('VALIDATION_FAILED') })
  @ValidateNested()
  @Type(() => HolderDto)
  holder!: HolderDto;

  @ApiProperty({ enum: LEVELS })
  @IsIn(LEVELS, { message: `level must be one of ${LEVELS.join(', ')}`, ...code('LEVEL_INVALID') })
  level!: Level;

  @ApiProperty({ enum: SPECIALTIES })
  @IsIn(SPECIALTIES, { message: `specialty must be one of ${SPECIALTIES.join(', ')}`, ...code('SPECIALTY_INVALID') })
  specialty!: Specialty;

  @ApiProperty({ example: 2026 })
  @IsInt({ message: 'evaluationYear must be a whole number', ...code('EVALUATION_YEAR_INVALID') })
  @Min(2000, code('EVALUATION_YEAR_INVALID'))
  @Max(9999, code('EVALUATION_YEAR_INVALID'))
  evaluationYear!: number;

  @ApiProperty({ example: '2026-11-20' })
  @IsString(code('DATE_INVALID'))
  @Matches(DATE_SHAPE, { message: 'passedOn must be a date YYYY-MM-DD', ...code('DATE_INVALID') })
  passedOn!: string;

  @ApiProperty({ example: '浙市监人〔2026〕12号' })
  @IsString(code('APPROVAL_DOCUMENT_INVALID'))
  @Matches(DOCUMENT_NUMBER_PATTERN, {
    message: 'approvalDocument must look like 浙市监人〔2026〕12号 (serial from 1, no leading zero)',
    ...code('APPROVAL_DOCUMENT_INVALID'),
  })
  approvalDocument!: string;
}
