import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, Length } from 'class-validator';
import { code } from '../../common/validation.pipe';
import { HasNoInvisibleCharacters } from '../../common/visible-text.validator';

const BOTH_REQUIRED = 'name and idNumber are both required: the registry is never searched by name alone';

/**
 * Search by holder: both fields, exact match. A repeated parameter arrives as an array and
 * fails IsString, so no one can ask for several ID numbers at once.
 */
export class RegistrySearchQueryDto {
  @ApiProperty({ example: '张三', description: 'Holder name, exactly as on the certificate' })
  @IsDefined({ message: BOTH_REQUIRED })
  @IsString({ message: 'name must be one string', ...code('NAME_INVALID') })
  @HasNoInvisibleCharacters(code('NAME_INVALID'))
  @Length(1, 40, { message: 'name must be 1 to 40 characters', ...code('NAME_INVALID') })
  name!: string;

  @ApiProperty({
    example: '330102198001011272',
    description: 'Full 18-character ID number; the check character is verified',
  })
  @IsDefined({ message: BOTH_REQUIRED })
  @IsString({ message: 'idNumber must be one string', ...code('ID_NUMBER_INVALID') })
  @Length(1, 32, { message: 'idNumber must be 18 characters', ...code('ID_NUMBER_INVALID') })
  idNumber!: string;
}
