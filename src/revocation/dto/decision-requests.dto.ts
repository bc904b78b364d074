import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DATE_SHAPE, DOCUMENT_NUMBER_PATTERN } from '../../common/formats';
import { CERTIFICATE_NO_PATTERN } from '../../common/qualifications';
import { code } from '../../common/validation.pipe';
import { IsVisibleProse } from '../../common/visible-text.validator';
import { REASON_CATEGORY_CODES } from '../reason-categories';

class DecisionBaseDto {
  @ApiProperty({ example: 'ZJZ2026000001' })
  @IsString(code('CERTIFICATE_NO_INVALID'))
  @Matches(CERTIFICATE_NO_PATTERN, {
    message: 'certificateNo must look like ZJZ2026000001',
    ...code('CERTIFICATE_NO_INVALID'),
  })
  certificateNo!: string;

  @ApiProperty({ description: 'The facts found (shown to officers; not published)' })
  @IsString(code('VALIDATION_FAILED'))
  @MinLength(1, code('VALIDATION_FAILED'))
  @MaxLength(2000, code('VALIDATION_FAILED'))
  @IsVisibleProse(code('VALIDATION_FAILED'))
  description!: string;

  @ApiProperty({ example: '浙市监人〔2027〕3号' })
  @IsString(code('DECISION_DOCUMENT_INVALID'))
  @Matches(DOCUMENT_NUMBER_PATTERN, {
    message: 'decisionDocument must look like 浙市监人〔2027〕3号 (serial from 1, no leading zero)',
    ...code('DECISION_DOCUMENT_INVALID'),
  })
  decisionDocument!: string;

  @ApiProperty({ example: '2027-03-01' })
  @IsString(code('DATE_INVALID'))
  @Matches(DATE_SHAPE, { message: 'decisionDate must be a date YYYY-MM-DD', ...code('DATE_INVALID') })
  decisionDate!: string;

  @ApiProperty({ example: '2027-03-01', description: 'The status changes from this date (registry ?at= queries)' })
  @IsString(code('DATE_INVALID'))
  @Matches(DATE_SHAPE, { message: 'effectiveDate must be a date YYYY-MM-DD', ...code('DATE_INVALID') })
  effectiveDate!: string;
}

export class ProposeRevocationDto extends DecisionBaseDto {
  @ApiProperty({ enum: REASON_CATEGORY_CODES })
  @IsIn(REASON_CATEGORY_CODES, {
    message: `reasonCategory must be one of ${REASON_CATEGORY_CODES.join(', ')}`,
    ...code('REASON_CATEGORY_INVALID'),
  })
  reasonCategory!: string;

  @ApiProperty({ description: 'A serious case bars the holder for three years (docs/revocation.md)' })
  @IsBoolean({ message: 'serious must be true or false', ...code('VALIDATION_FAILED') })
  serious!: boolean;
}

/** A reinstatement after re-examination (复审) reverses the certificate's confirmed revocation. */
export class ProposeReinstatementDto extends DecisionBaseDto {}

export class RejectionDto {
  @ApiProperty()
  @IsString(code('VALIDATION_FAILED'))
  @MinLength(1, code('VALIDATION_FAILED'))
  @MaxLength(2000, code('VALIDATION_FAILED'))
  @IsVisibleProse(code('VALIDATION_FAILED'))
  reason!: string;
}
