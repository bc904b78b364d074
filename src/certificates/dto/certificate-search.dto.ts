import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';
import { code } from '../../common/validation.pipe';
import { HasNoInvisibleCharacters } from '../../common/visible-text.validator';
import { CertificateResponseDto } from './certificate-response.dto';

/** Officer search: by certificate number, or by a holder's exact name, full ID number, or both. */
export class CertificateSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'ZJZ2026000001' })
  @IsOptional()
  @IsString({ message: 'certificateNo must be one string', ...code('CERTIFICATE_NO_INVALID') })
  @MinLength(1, { message: 'certificateNo is e.g. ZJZ2026000001', ...code('CERTIFICATE_NO_INVALID') })
  @MaxLength(32, { message: 'certificateNo is e.g. ZJZ2026000001', ...code('CERTIFICATE_NO_INVALID') })
  certificateNo?: string;

  @ApiPropertyOptional({ description: 'exact name (alone or with idNumber)' })
  @IsOptional()
  @IsString({ message: 'name must be one string', ...code('NAME_INVALID') })
  @HasNoInvisibleCharacters(code('NAME_INVALID'))
  @MinLength(1, { message: 'name must be 1 to 40 characters', ...code('NAME_INVALID') })
  @MaxLength(40, { message: 'name must be 1 to 40 characters', ...code('NAME_INVALID') })
  name?: string;

  @ApiPropertyOptional({
    description: 'the full 18-character ID number (alone or with name); the check character is verified',
  })
  @IsOptional()
  @IsString({ message: 'idNumber must be one string', ...code('ID_NUMBER_INVALID') })
  @MinLength(1, { message: 'idNumber must be 18 characters', ...code('ID_NUMBER_INVALID') })
  @MaxLength(32, { message: 'idNumber must be 18 characters', ...code('ID_NUMBER_INVALID') })
  idNumber?: string;
}

export class CertificateSearchResultDto {
  @ApiProperty({ type: [CertificateResponseDto] }) items!: CertificateResponseDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'pass as `before` for the next page; null on the last' })
  nextBefore!: number | null;
}
