import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';
import { HasNoInvisibleCharacters } from '../../common/visible-text.validator';
import { CertificateResponseDto } from './certificate-response.dto';

/** Officer search: by certificate number, or by a holder's exact name, full ID number, or both. */
export class CertificateSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'ZJZ2026000001' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(16)
  certificateNo?: string;

  @ApiPropertyOptional({ description: 'exact name (alone or with idNumber)' })
  @IsOptional()
  @IsString()
  @HasNoInvisibleCharacters()
  @MinLength(1)
  @MaxLength(40)
  name?: string;

  @ApiPropertyOptional({ description: 'the full 18-character ID number (alone or with name)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(18)
  idNumber?: string;
}

export class CertificateSearchResultDto {
  @ApiProperty({ type: [CertificateResponseDto] }) items!: CertificateResponseDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'pass as `before` for the next page; null on the last' })
  nextBefore!: number | null;
}
