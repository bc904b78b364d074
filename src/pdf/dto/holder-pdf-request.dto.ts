import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { code } from '../../common/validation.pipe';
import { HasNoInvisibleCharacters } from '../../common/visible-text.validator';

/**
 * What a holder types to download their certificate. Only the shape is checked here: any
 * content that does not match a certificate gets the same 404, whichever field it is.
 */
export class HolderPdfRequestDto {
  @ApiProperty({ example: 'ZJZ2026000001' })
  @IsString(code('VALIDATION_FAILED'))
  @MaxLength(32, code('VALIDATION_FAILED'))
  certificateNo!: string;

  @ApiProperty({ example: '张三' })
  @IsString(code('VALIDATION_FAILED'))
  // No stored name has one (issuance refuses them), so say why instead of a plain 404.
  @HasNoInvisibleCharacters(code('NAME_INVALID'))
  @MaxLength(64, code('VALIDATION_FAILED'))
  name!: string;

  @ApiProperty({ example: '330102198001011272' })
  @IsString(code('VALIDATION_FAILED'))
  @MaxLength(32, code('VALIDATION_FAILED'))
  idNumber!: string;
}
