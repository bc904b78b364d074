import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';
import { HasNoInvisibleCharacters } from '../../common/visible-text.validator';
import { CertificateResponseDto } from './certificate-response.dto';

/** Officer search: by certificate number, or by a person's exact name AND full ID number. */
export class CertificateSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'ZJZ2026000001' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  certificateNo?: string;

  @ApiPropertyOptional({ description: 'exact name; only together with idNumber' })
  @IsOptional()
  @IsString()
  @HasNoInvisibleCharacters()
  @MaxLength(40)
  name?: string;

  @ApiPropertyOptional({ description: 'the full 18-character ID number; only together with name' })
  @IsOptional()
  @IsString()
  @MaxLength(18)
  idNumber?: string;
}

export class CertificateSearchResultDto {
  @ApiProperty({ type: [CertificateResponseDto] }) items!: CertificateResponseDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'pass as `before` for the next page; null on the last' })
  nextBefore!: number | null;
}
