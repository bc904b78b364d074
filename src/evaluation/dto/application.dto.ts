import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { maskIdNumber } from '../../common/id-number';
import { code } from '../../common/validation.pipe';
import { HasNoInvisibleCharacters, IsNotFormula } from '../../common/visible-text.validator';
import { SPECIALTIES, type Specialty } from '../../common/qualifications';
import type { ApplicationEntity } from '../application.entity';
import type { ApplicationInput, Channel } from '../application-rules';
import { DATE_SHAPE } from '../../common/formats';
import type { TallyEntity } from '../meeting.entities';

const CHANNELS = ['regular', 'landmark'] as const;

/** One application (四.三.1–3); the CSV import takes the same facts under Chinese headers. */
export class ApplicationDto implements ApplicationInput {
  @ApiProperty({ example: '陈晓峰' })
  @IsString(code('NAME_INVALID'))
  @HasNoInvisibleCharacters(code('NAME_INVALID'))
  @IsNotFormula(code('NAME_INVALID'))
  name!: string;

  @ApiProperty({ example: '330106197803120113' })
  @IsString(code('ID_NUMBER_INVALID'))
  idNumber!: string;

  @ApiProperty({ example: '浙江省计量科学研究院' })
  @IsString(code('EMPLOYER_INVALID'))
  @HasNoInvisibleCharacters(code('EMPLOYER_INVALID'))
  @IsNotFormula(code('EMPLOYER_INVALID'))
  employer!: string;

  @ApiProperty({ enum: SPECIALTIES })
  @IsIn(SPECIALTIES, { message: `specialty must be one of ${SPECIALTIES.join(', ')}`, ...code('SPECIALTY_INVALID') })
  specialty!: Specialty;

  @ApiProperty({ enum: CHANNELS, description: 'regular, or landmark achievements submitted directly (三.四)' })
  @IsIn(CHANNELS, { message: 'channel must be regular or landmark', ...code('VALIDATION_FAILED') })
  channel!: Channel;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 86.5,
    description: 'senior, regular channel: the quantitative score (量化赋分)',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'quantitativeScore must be a number', ...code('VALIDATION_FAILED') })
  @Min(0, code('VALIDATION_FAILED'))
  @Max(999, code('VALIDATION_FAILED'))
  quantitativeScore!: number | null;

  @ApiProperty({ description: 'the authenticity pledge (四.三.1)' })
  @IsBoolean({ message: 'pledge must be true or false', ...code('VALIDATION_FAILED') })
  pledge!: boolean;

  @ApiProperty({ example: '2026-10-12' })
  @IsString(code('DATE_INVALID'))
  @Matches(DATE_SHAPE, { message: 'employerPublicityStart must be a date YYYY-MM-DD', ...code('DATE_INVALID') })
  employerPublicityStart!: string;

  @ApiProperty({
    example: '2026-10-16',
    description: 'at least 5 working days after the start, counted inclusively (四.三.2)',
  })
  @IsString(code('DATE_INVALID'))
  @Matches(DATE_SHAPE, { message: 'employerPublicityEnd must be a date YYYY-MM-DD', ...code('DATE_INVALID') })
  employerPublicityEnd!: string;

  @ApiProperty({ description: 'reviewed and forwarded by the competent department (四.三.3)' })
  @IsBoolean({ message: 'departmentReviewed must be true or false', ...code('VALIDATION_FAILED') })
  departmentReviewed!: boolean;

  @ApiProperty({ description: 'senior: recommended by the intermediate committee (四.三.3)' })
  @IsBoolean({ message: 'intermediateRecommended must be true or false', ...code('VALIDATION_FAILED') })
  intermediateRecommended!: boolean;
}

export class ApplicationsImportResultDto {
  @ApiProperty() imported!: number;
}

export class ApplicationResponseDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'masked to the first 3 and last 4 characters' }) idNumberMasked!: string;
  @ApiProperty() employer!: string;
  @ApiProperty({ enum: SPECIALTIES }) specialty!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty({ type: Boolean, nullable: true }) eligible!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) ineligibleReason!: string | null;
  @ApiProperty({ type: Object, nullable: true, description: 'the counted secret ballots: yes, no, abstain, present' })
  tally!: { yes: number; no: number; abstain: number; present: number } | null;
  @ApiProperty({ type: Boolean, nullable: true }) passed!: boolean | null;
  @ApiProperty() withheld!: boolean;
  @ApiProperty({ type: String, nullable: true }) certificateNo!: string | null;

  static from(a: ApplicationEntity, tally: TallyEntity | undefined): ApplicationResponseDto {
    return Object.assign(new ApplicationResponseDto(), {
      id: a.id,
      name: a.name,
      idNumberMasked: maskIdNumber(a.idNumber),
      employer: a.employer,
      specialty: a.specialty,
      channel: a.channel,
      eligible: a.eligible,
      ineligibleReason: a.ineligibleReason,
      tally: tally ? { yes: tally.yes, no: tally.no, abstain: tally.abstentions, present: tally.present } : null,
      passed: tally ? tally.passed : null,
      withheld: a.withheld,
      certificateNo: a.certificateNo,
    });
  }
}
