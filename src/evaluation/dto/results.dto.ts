import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { code } from '../../common/validation.pipe';
import { IsVisibleProse } from '../../common/visible-text.validator';
import { DATE_SHAPE, DOCUMENT_NUMBER_PATTERN } from '../../common/formats';
import type { ObjectionEntity } from '../meeting.entities';

export class PublicityDto {
  @ApiProperty({ example: '2026-12-21' })
  @IsString(code('DATE_INVALID'))
  @Matches(DATE_SHAPE, { message: 'start must be a date YYYY-MM-DD', ...code('DATE_INVALID') })
  start!: string;

  @ApiProperty({
    example: '2026-12-25',
    description: 'at least 5 working days from the start, both included (四.三.6)',
  })
  @IsString(code('DATE_INVALID'))
  @Matches(DATE_SHAPE, { message: 'end must be a date YYYY-MM-DD', ...code('DATE_INVALID') })
  end!: string;
}

export class ObjectionDto {
  @ApiProperty()
  @IsInt({ message: 'applicationId must be an integer', ...code('VALIDATION_FAILED') })
  applicationId!: number;

  @ApiProperty({ description: 'what the complaint says (office only)' })
  @IsString(code('VALIDATION_FAILED'))
  @MinLength(1, code('VALIDATION_FAILED'))
  @MaxLength(2000, code('VALIDATION_FAILED'))
  @IsVisibleProse(code('VALIDATION_FAILED'))
  summary!: string;

  @ApiProperty({ example: '2026-12-22' })
  @IsString(code('DATE_INVALID'))
  @Matches(DATE_SHAPE, { message: 'receivedOn must be a date YYYY-MM-DD', ...code('DATE_INVALID') })
  receivedOn!: string;
}

export class ResolutionDto {
  @ApiProperty({
    enum: ['upheld', 'dismissed'],
    description: 'upheld: the applicant is withheld and gets no certificate',
  })
  @IsIn(['upheld', 'dismissed'], { message: 'outcome must be upheld or dismissed', ...code('VALIDATION_FAILED') })
  outcome!: 'upheld' | 'dismissed';

  @ApiProperty({ description: 'what the investigation found' })
  @IsString(code('VALIDATION_FAILED'))
  @MinLength(1, code('VALIDATION_FAILED'))
  @MaxLength(2000, code('VALIDATION_FAILED'))
  @IsVisibleProse(code('VALIDATION_FAILED'))
  finding!: string;
}

export class PublicationDto {
  @ApiProperty({
    example: '浙市监人〔2026〕50号',
    description: 'the joint document of AMR and HRSS (联合发文); the certificates cite it',
  })
  @IsString(code('APPROVAL_DOCUMENT_INVALID'))
  @Matches(DOCUMENT_NUMBER_PATTERN, {
    message: 'jointDocument must look like 浙市监人〔2026〕50号 (serial from 1, no leading zero)',
    ...code('APPROVAL_DOCUMENT_INVALID'),
  })
  jointDocument!: string;

  @ApiProperty({ example: '2026-12-28' })
  @IsString(code('DATE_INVALID'))
  @Matches(DATE_SHAPE, { message: 'publishedOn must be a date YYYY-MM-DD', ...code('DATE_INVALID') })
  publishedOn!: string;
}

export class PublicationRejectionDto {
  @ApiProperty({ description: 'why the proposed joint publication is turned down' })
  @IsString(code('VALIDATION_FAILED'))
  @MinLength(1, code('VALIDATION_FAILED'))
  @MaxLength(500, code('VALIDATION_FAILED'))
  @IsVisibleProse(code('VALIDATION_FAILED'))
  reason!: string;
}

export class ObjectionResponseDto {
  @ApiProperty() id!: number;
  @ApiProperty() applicationId!: number;
  @ApiProperty() summary!: string;
  @ApiProperty() receivedOn!: string;
  @ApiProperty({ enum: ['OPEN', 'UPHELD', 'DISMISSED'] }) state!: string;
  @ApiProperty({ type: String, nullable: true }) finding!: string | null;

  static from(o: ObjectionEntity): ObjectionResponseDto {
    return Object.assign(new ObjectionResponseDto(), {
      id: o.id,
      applicationId: o.applicationId,
      summary: o.summary,
      receivedOn: o.receivedOn,
      state: o.state,
      finding: o.finding,
    });
  }
}

export class IssuanceConflictDto {
  @ApiProperty() applicationId!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'the certificate of this level and year the applicant holds' }) certificateNo!: string;
  @ApiProperty({
    enum: ['CERTIFICATE_CONFLICT', 'HOLDER_CERTIFICATE_REVOKED'],
    description: 'other details (e.g. issued directly), or revoked',
  })
  code!: string;
}

export class IssuanceReportDto {
  @ApiProperty({ description: 'applicants who passed and are not withheld' }) total!: number;
  @ApiProperty({ description: 'certificates issued by this run' }) created!: number;
  @ApiProperty({ description: 'certificates that already existed (an earlier, interrupted run)' }) existing!: number;
  @ApiProperty({
    type: [IssuanceConflictDto],
    description:
      'applicants left without the round’s certificate: they hold one of its level and year that cannot be returned',
  })
  conflicts!: IssuanceConflictDto[];
  @ApiProperty() state!: string;
}
